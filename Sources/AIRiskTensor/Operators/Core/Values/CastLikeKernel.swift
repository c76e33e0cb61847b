/// ONNX CastLike (opset 15): casts the first input to the element type of the second, with Cast's
/// conversions. The engine holds every floating type as float32 and every integer type as int64,
/// so "the element type" is the second input's storage kind. Differentiable float → float.
struct CastLikeKernel: ContextKernel {
    static let opType = "CastLike"
    let ctx: KernelContext

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let like = try ctx.input(inputs, 1)
        do {
            return KernelOutput(outputs: [try x.converted(to: like.elementKind)])
        } catch {
            throw ctx.fail(error.description)
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let x = inputs.first ?? nil, x.elementKind == .float,
            forward.outputs.first?.elementKind == .float
        else { return [nil, nil] }
        return [g, nil]
    }
}
