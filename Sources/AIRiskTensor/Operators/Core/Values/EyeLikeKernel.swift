/// ONNX EyeLike: a 2-D tensor of the input's shape with ones on diagonal `k`, of the `dtype`
/// attribute's type (default: the input's). Not differentiable.
struct EyeLikeKernel: ForwardOnlyKernel {
    static let opType = "EyeLike"
    let ctx: KernelContext
    let k: Int
    let kind: ElementKind?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        k = try ctx.int("k", default: 0)
        if let code = try ctx.int("dtype") {
            guard let kind = ElementKind(onnxDataType: code) else {
                throw ctx.attributeError("dtype", "names data type \(code), which the engine does not support")
            }
            self.kind = kind
        } else {
            kind = nil
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        guard x.rank == 2 else { throw ctx.inputError(0, "must be 2-D, got \(x.shape)") }
        var v = [Float](repeating: 0, count: x.count)
        for i in 0..<x.shape[0] {
            let j = i + k
            if j >= 0 && j < x.shape[1] { v[i * x.shape[1] + j] = 1 }
        }
        do {
            return KernelOutput(outputs: [try Tensor(shape: x.shape, scalars: v).converted(to: kind ?? x.elementKind)])
        } catch {
            throw ctx.fail(error.description)
        }
    }
}
