/// ONNX If (opsets 1–21): runs `then_branch` or `else_branch` by the scalar condition and returns that branch's
/// outputs. Branches must be self-contained (read no values of the enclosing graph; checked when the model loads)
/// and produce tensors. Not differentiable.
struct IfKernel: ForwardOnlyKernel {
    static let opType = "If"
    let ctx: KernelContext
    let thenBranch: Executor
    let elseBranch: Executor

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        thenBranch = try ctx.subgraph(node, "then_branch", part: "then_branch", parts: "branches")
        elseBranch = try ctx.subgraph(node, "else_branch", part: "else_branch", parts: "branches")
        guard thenBranch.outputNames.count == elseBranch.outputNames.count else {
            throw ctx.fail(
                "then_branch has \(thenBranch.outputNames.count) outputs, else_branch \(elseBranch.outputNames.count)")
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let cond = try ctx.input(inputs, 0)
        let flags: [Bool]
        do { flags = try cond.asBools() } catch { throw ctx.inputError(0, error.description) }
        guard flags.count == 1 else { throw ctx.inputError(0, "must hold one value, got \(flags.count)") }
        let branch = flags[0] ? thenBranch : elseBranch
        let result = try branch.run(inputs: [:])
        return KernelOutput(
            outputs: try branch.outputNames.map { name in
                guard let v = result[name] else { throw ctx.fail("the branch did not produce '\(name)'") }
                return v
            })
    }
}
