/// One elementwise float function: its value and its derivative (from the input and/or output).
protocol UnaryFunction: Sendable {
    static var opType: String { get }
    init(_ ctx: KernelContext) throws
    func apply(_ x: Float) -> Float
    /// dy/dx given the input x and the output y = apply(x).
    func derivative(x: Float, y: Float) -> Float
    /// The int64 version, when the operator accepts integers.
    func apply(int x: Int64) -> Int64?
    /// `apply` over a whole tensor. Each conforming type implements it as `mapValues(self, x)` so the
    /// loop is specialised for that type (kernels are called through existentials, where a generic
    /// loop would call `apply` indirectly per element).
    func applyAll(_ x: [Float]) -> [Float]
    /// g · derivative over a whole tensor; implemented as `mapGradients(self, g, x, y)`.
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float]
}

@inline(__always)
func mapValues<F: UnaryFunction>(_ f: F, _ v: [Float]) -> [Float] {
    let n = v.count
    return [Float](unsafeUninitializedCapacity: n) { buf, count in
        v.withUnsafeBufferPointer { p in
            for i in 0..<n { buf[i] = f.apply(p[i]) }
        }
        count = n
    }
}

@inline(__always)
func mapGradients<F: UnaryFunction>(_ f: F, _ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] {
    let n = x.count
    return [Float](unsafeUninitializedCapacity: n) { buf, count in
        g.withUnsafeBufferPointer { pg in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in
                    for i in 0..<n { buf[i] = pg[i] * f.derivative(x: px[i], y: py[i]) }
                }
            }
        }
        count = n
    }
}

extension UnaryFunction {
    func apply(int x: Int64) -> Int64? { nil }
}
