/// One elementwise arithmetic operator with broadcasting: its scalar functions and its gradients.
protocol BinaryArithmetic: Sendable {
    static var opType: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
    static func apply(_ a: Int64, _ b: Int64) -> Int64
    /// Gradients for A and B, given the output gradient, both operands and the output, all
    /// expanded to the output's shape.
    static func gradients(g: Float, a: Float, b: Float, y: Float) -> (Float, Float)
    /// The broadcast loops, implemented by each operator as `broadcastFloats(Self.self, …)` /
    /// `broadcastInts(Self.self, …)` so they are specialised for it (kernels are called through
    /// existentials, where a generic loop would call `apply` indirectly per element).
    static func floats(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]) -> [Float]
    static func ints(_ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]) -> [Int64]
    static func gradientArrays(_ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]) -> ([Float], [Float])
}

@inline(__always)
func broadcastFloats<Op: BinaryArithmetic>(
    _ op: Op.Type, _ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], _ shape: [Int]
) -> [Float] {
    Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Op.apply($0, $1) }
}

@inline(__always)
func broadcastInts<Op: BinaryArithmetic>(
    _ op: Op.Type, _ a: [Int64], _ aShape: [Int], _ b: [Int64], _ bShape: [Int], _ shape: [Int]
) -> [Int64] {
    Broadcast.binary(a, aShape, b, bShape, outShape: shape) { Op.apply($0, $1) }
}

@inline(__always)
func elementGradients<Op: BinaryArithmetic>(
    _ op: Op.Type, _ g: [Float], _ a: [Float], _ b: [Float], _ y: [Float]
) -> ([Float], [Float]) {
    let n = g.count
    var ga = [Float](repeating: 0, count: n)
    var gb = [Float](repeating: 0, count: n)
    for i in 0..<n {
        let (p, q) = Op.gradients(g: g[i], a: a[i], b: b[i], y: y[i])
        ga[i] = p
        gb[i] = q
    }
    return (ga, gb)
}
