/// ONNX Dropout at inference: the input unchanged, and an all-true mask when one is requested.
/// A graph that switches on `training_mode` (opset 12+) with a non-zero ratio is rejected rather
/// than run without its randomness.
struct DropoutKernel: ReshapingKernel, ContextKernel {
    static let opType = "Dropout"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        if let training = ctx.optionalInput(inputs, 2), (try? training.asBools().first) == true {
            let ratio = try ctx.optionalInput(inputs, 1)?.asFloats().first ?? 0.5
            if ratio > 0 {
                throw ctx.fail("training_mode is true: random dropout is not supported; export the model in eval mode")
            }
        }
        let mask = Tensor(shape: x.shape, storage: .bool([Bool](repeating: true, count: x.count)))
        return KernelOutput(outputs: [x, mask])
    }
}
