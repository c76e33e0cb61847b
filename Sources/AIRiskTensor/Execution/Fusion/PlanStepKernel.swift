/// A kernel the executor makes for its inference plan (a fused step, a channels-last step) from kernels it already
/// built; no graph node names it, so building one from a node is refused.
protocol PlanStepKernel: ForwardOnlyKernel {}

extension PlanStepKernel {
    init(node: Node, opset: Int) throws {
        throw OperatorError.unsupported(
            node: node.name, opType: node.opType,
            reason: "\(Self.opType) steps are made by the executor, not read from a graph")
    }
}
