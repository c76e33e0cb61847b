import Foundation

/// ONNX Mod with broadcasting: integers take the divisor's sign (Python's %) unless `fmod` = 1,
/// which (required for floats) takes the dividend's sign like C's fmod. Integer division by zero is
/// an error. Not differentiable.
struct ModKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "Mod"
    @NodeContext var ctx
    @Attribute var fmod: Bool = false

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (a, b, shape) = try ctx.broadcastOperands(inputs)
        switch (a.storage, b.storage) {
        case (.float(let x), .float(let y)):
            guard fmod else { throw ctx.attributeError("fmod", "must be 1 for floating-point inputs") }
            let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { Foundation.fmod($0, $1) }
            return KernelOutput(outputs: [Tensor(shape: shape, scalars: out)])
        case (.int64(let x), .int64(let y)):
            guard !y.contains(0) else { throw ctx.inputError(1, "holds a zero divisor") }
            let truncated = fmod
            let out = Broadcast.binary(x, a.shape, y, b.shape, outShape: shape) { p, q -> Int64 in
                let r = p.remainderReportingOverflow(dividingBy: q).partialValue
                return !truncated && r != 0 && ((r < 0) != (q < 0)) ? r + q : r
            }
            return KernelOutput(outputs: [Tensor(shape: shape, storage: .int64(out))])
        default:
            throw ctx.fail("cannot take \(a.elementTypeName) modulo \(b.elementTypeName)")
        }
    }
}
