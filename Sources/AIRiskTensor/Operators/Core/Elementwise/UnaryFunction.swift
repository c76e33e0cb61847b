/// One elementwise float function: its value and its derivative (from the input and/or output).
protocol UnaryFunction: Sendable {
    static var opType: String { get }
    init(_ ctx: KernelContext) throws
    func apply(_ x: Float) -> Float
    /// dy/dx given the input x and the output y = apply(x).
    func derivative(x: Float, y: Float) -> Float
    /// The int64 version, when the operator accepts integers.
    func apply(int x: Int64) -> Int64?
    /// `apply` over a whole tensor. A requirement with a default implementation below, so each type's
    /// witness is specialised for it (kernels are called through existentials, where a generic loop
    /// would call `apply` indirectly per element).
    func applyAll(_ x: [Float]) -> [Float]
    /// g · derivative over a whole tensor; a requirement with a default, like ``applyAll(_:)``.
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float]
}

/// A unary function without attributes.
protocol PlainUnaryFunction: UnaryFunction {
    init()
}

extension PlainUnaryFunction {
    init(_ ctx: KernelContext) throws { self.init() }
}

extension UnaryFunction {
    func applyAll(_ v: [Float]) -> [Float] {
        let n = v.count
        return [Float](unsafeUninitializedCapacity: n) { buf, count in
            // Through a local pointer: writing through `buf` itself reloads its base on every element, and the
            // loop does not vectorise.
            guard let out = buf.baseAddress else { return }
            v.withUnsafeBufferPointer { p in
                for i in 0..<n { out[i] = apply(p[i]) }
            }
            count = n
        }
    }

    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] {
        let n = x.count
        return [Float](unsafeUninitializedCapacity: n) { buf, count in
            guard let out = buf.baseAddress else { return }
            g.withUnsafeBufferPointer { pg in
                x.withUnsafeBufferPointer { px in
                    y.withUnsafeBufferPointer { py in
                        for i in 0..<n { out[i] = pg[i] * derivative(x: px[i], y: py[i]) }
                    }
                }
            }
            count = n
        }
    }

    func apply(int x: Int64) -> Int64? { nil }
}
