/// ONNX BitShift (`direction` LEFT or RIGHT) on unsigned integers, with broadcasting. The engine
/// holds them as int64; shifts are logical (on the 64-bit pattern) and counts of 64 or more give 0.
/// Not differentiable.
struct BitShiftKernel: ForwardOnlyKernel, AttributedKernel {
    enum Direction: String, AttributeChoice {
        case left = "LEFT", right = "RIGHT"
    }

    static let opType = "BitShift"
    @NodeContext var ctx
    @Attribute var direction: Direction

    var left: Bool { direction == .left }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (a, b, shape) = try ctx.broadcastOperands(inputs)
        guard let x = a.int64s, let y = b.int64s else { throw ctx.fail("inputs must be integers") }
        let isLeft = left
        let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { v, s -> Int64 in
            guard s >= 0 && s < 64 else { return 0 }
            let bits = UInt64(bitPattern: v)
            return Int64(bitPattern: isLeft ? bits << UInt64(s) : bits >> UInt64(s))
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
    }
}
