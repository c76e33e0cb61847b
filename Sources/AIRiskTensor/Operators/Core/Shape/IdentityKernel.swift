/// ONNX Identity.
struct IdentityKernel: ReshapingKernel {
    static let opType = "Identity"
    let ctx: KernelContext
    init(node: Node, opset: Int) throws { ctx = KernelContext(node) }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        KernelOutput(outputs: [try ctx.input(inputs, 0)])
    }
}
