/// Window geometry for one input shape, with every per-dimension array widened to three
/// dimensions (leading size-1 dimensions) so that 1-D, 2-D and 3-D share one loop nest.
struct SpatialPlan: Sendable {
    static let maxRank = 3

    /// The caller's spatial rank (1, 2 or 3).
    let rank: Int
    /// The output spatial shape at the caller's rank.
    let outputSpatial: [Int]
    let input: [Int]
    let kernel: [Int]
    let stride: [Int]
    let dilation: [Int]
    let padBegin: [Int]
    let padEnd: [Int]
    let output: [Int]

    init(input: [Int], kernel: [Int], stride: [Int], dilation: [Int], padBegin: [Int], padEnd: [Int], output: [Int]) {
        func widen(_ a: [Int], _ fill: Int) -> [Int] { Array(repeating: fill, count: Self.maxRank - a.count) + a }
        rank = input.count
        outputSpatial = output
        self.input = widen(input, 1)
        self.kernel = widen(kernel, 1)
        self.stride = widen(stride, 1)
        self.dilation = widen(dilation, 1)
        self.padBegin = widen(padBegin, 0)
        self.padEnd = widen(padEnd, 0)
        self.output = widen(output, 1)
    }

    var inputSize: Int { input[0] * input[1] * input[2] }
    var outputSize: Int { output[0] * output[1] * output[2] }
    var kernelSize: Int { kernel[0] * kernel[1] * kernel[2] }
}
