/// ONNX Identity.
struct IdentityKernel: ReshapingKernel, ContextKernel {
    static let opType = "Identity"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        KernelOutput(outputs: [try ctx.input(inputs, 0)])
    }
}
