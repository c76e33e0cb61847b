/// The scale and zero point of QuantizeLinear / DequantizeLinear: one pair for the whole tensor, or one per
/// slice along `axis` when the scale is 1-D.
struct QuantizationParameters {
    let scale: [Float]
    let zeroPoint: [Int64]?
    /// The stride and length of the quantized axis; nil for per-tensor parameters.
    let axis: (stride: Int, length: Int)?

    init(ctx: KernelContext, x: Tensor, scale: Tensor, zeroPoint: Tensor?, axis: Int) throws {
        let s = try ctx.floats(scale, input: 1)
        if let zeroPoint {
            guard zeroPoint.shape == scale.shape else {
                throw ctx.inputError(2, "zero point shape \(zeroPoint.shape) differs from scale shape \(scale.shape)")
            }
        }
        let z: [Int64]? =
            switch zeroPoint?.storage {
            case .int64(let v)?: v
            case .float(let v)?: v.map { Int64($0.rounded()) }
            case nil: nil
            default: throw ctx.inputError(2, "must be an integer tensor")
            }
        if scale.rank == 0 || (scale.rank == 1 && scale.count == 1 && x.rank == 0) {
            guard s.count == 1 else { throw ctx.inputError(1, "must hold one value") }
            self.axis = nil
        } else {
            guard scale.rank == 1 else {
                throw ctx.inputError(1, "must be a scalar or 1-D (blocked quantization is not supported)")
            }
            let a = try ctx.axis(axis, rank: x.rank)
            guard x.shape[a] == s.count else {
                throw ctx.inputError(1, "has \(s.count) scales but axis \(axis) of the input has \(x.shape[a])")
            }
            self.axis = (Shape.strides(x.shape)[a], x.shape[a])
        }
        self.scale = s
        self.zeroPoint = z
    }

    /// The index into ``scale`` / ``zeroPoint`` for flat element `i`.
    @inline(__always) func channel(_ i: Int) -> Int {
        guard let axis else { return 0 }
        return (i / axis.stride) % axis.length
    }

    /// The `axis` attribute of QuantizeLinear and DequantizeLinear (default 1); blocked quantization
    /// (`block_size` ≠ 0) is refused.
    static func axis(_ ctx: KernelContext) throws -> Int {
        let axis = try ctx.int("axis", default: 1)
        if try ctx.int("block_size", default: 0) != 0 {
            throw ctx.attributeError("block_size", "blocked quantization is not supported")
        }
        return axis
    }

    /// The representable range of an ONNX integer type code.
    static func range(ofType code: Int) -> ClosedRange<Int64>? {
        switch code {
        case 2: 0...255
        case 3: -128...127
        case 4: 0...65535
        case 5: -32768...32767
        case 6: Int64(Int32.min)...Int64(Int32.max)
        case 21: 0...15
        case 22: -8...7
        default: nil
        }
    }
}
