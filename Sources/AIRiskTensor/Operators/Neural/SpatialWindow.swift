/// The sliding-window attributes shared by Conv, MaxPool and AveragePool (kernel_shape, strides,
/// dilations, pads, auto_pad, ceil_mode), parsed once at load time.
struct SpatialWindow: Sendable {
    enum AutoPad: Sendable { case notSet, sameUpper, sameLower, valid }

    let kernelShape: [Int]?
    let strides: [Int]?
    let dilations: [Int]?
    let pads: [Int]?
    let autoPad: AutoPad
    let ceilMode: Bool
    private let context: NeuralNodeContext

    init(_ context: NeuralNodeContext, requireKernelShape: Bool, supportsCeilMode: Bool) throws {
        self.context = context
        kernelShape = try context.ints("kernel_shape")
        if requireKernelShape && kernelShape == nil {
            throw context.attributeError("kernel_shape", "is required")
        }
        strides = try context.ints("strides")
        dilations = try context.ints("dilations")
        pads = try context.ints("pads")
        switch try context.string("auto_pad", default: "NOTSET") {
        case "NOTSET", "": autoPad = .notSet
        case "SAME_UPPER": autoPad = .sameUpper
        case "SAME_LOWER": autoPad = .sameLower
        case "VALID": autoPad = .valid
        case let other:
            throw context.attributeError("auto_pad", "must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '\(other)'")
        }
        let ceil = try context.int("ceil_mode", default: 0)
        if ceil != 0 && !supportsCeilMode { throw context.attributeError("ceil_mode", "is not defined here") }
        ceilMode = ceil != 0
        if let rank = kernelShape?.count, rank < 1 || rank > SpatialPlan.maxRank {
            throw context.unsupported("a \(rank)-D window (1-D, 2-D and 3-D are)")
        }
        for (name, values) in [("kernel_shape", kernelShape), ("strides", strides), ("dilations", dilations)] {
            if let values, values.contains(where: { $0 < 1 }) {
                throw context.attributeError(name, "must hold positive values, got \(values)")
            }
        }
        if let pads, pads.contains(where: { $0 < 0 }) {
            throw context.attributeError("pads", "must hold non-negative values, got \(pads)")
        }
    }

    /// The concrete geometry for an input's spatial dimensions; `kernel` is the window size
    /// (from kernel_shape, or from the weight tensor for Conv).
    func plan(inputSpatial: [Int], kernel: [Int]) throws -> SpatialPlan {
        let rank = inputSpatial.count
        guard rank >= 1 && rank <= SpatialPlan.maxRank else {
            throw context.inputError(0, "must have 1 to 3 spatial dimensions, got \(rank)")
        }
        guard kernel.count == rank else {
            throw context.attributeError("kernel_shape", "has \(kernel.count) dimensions but the input has \(rank)")
        }
        let strides = self.strides ?? Array(repeating: 1, count: rank)
        let dilations = self.dilations ?? Array(repeating: 1, count: rank)
        guard strides.count == rank else { throw context.attributeError("strides", "must have \(rank) values") }
        guard dilations.count == rank else { throw context.attributeError("dilations", "must have \(rank) values") }
        var begin = Array(repeating: 0, count: rank)
        var end = Array(repeating: 0, count: rank)
        var output = Array(repeating: 0, count: rank)
        for i in 0..<rank {
            let extent = (kernel[i] - 1) * dilations[i] + 1
            let size = inputSpatial[i]
            switch autoPad {
            case .notSet:
                if let pads {
                    guard pads.count == 2 * rank else {
                        throw context.attributeError("pads", "must have \(2 * rank) values, got \(pads.count)")
                    }
                    begin[i] = pads[i]
                    end[i] = pads[i + rank]
                }
                let span = size + begin[i] + end[i] - extent
                if span < 0 {
                    output[i] = 0
                } else if ceilMode {
                    var out = (span + strides[i] - 1) / strides[i] + 1
                    // The last window must start inside the input or its leading padding.
                    if (out - 1) * strides[i] >= size + begin[i] { out -= 1 }
                    output[i] = out
                } else {
                    output[i] = span / strides[i] + 1
                }
            case .sameUpper, .sameLower:
                let out = (size + strides[i] - 1) / strides[i]
                let total = max(0, (out - 1) * strides[i] + extent - size)
                let small = total / 2
                begin[i] = autoPad == .sameUpper ? small : total - small
                end[i] = total - begin[i]
                output[i] = out
            case .valid:
                output[i] = size >= extent ? (size - extent) / strides[i] + 1 : 0
            }
            guard output[i] > 0 else {
                throw context.inputError(
                    0, "spatial size \(inputSpatial) is too small for a window of \(kernel) with these pads")
            }
        }
        return SpatialPlan(
            input: inputSpatial, kernel: kernel, stride: strides, dilation: dilations, padBegin: begin,
            padEnd: end, output: output)
    }
}
