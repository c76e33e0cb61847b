/// A product and the Add and Relu nodes after it, run as one step of the inference plan
/// (``Executor/fuse(_:keep:)``). When a call cannot be fused (the addend broadcasts or is not float32, or the product
/// kernel declines) it runs the original kernels one after another, so results and errors are those of the graph.
struct FusedKernel: PlanStepKernel {
    static let opType = "Fused"

    /// A fused node after the head: its kernel, its post-op, and for `.add` the position of the addend among the
    /// fused step's inputs and whether the head's output was Add's first operand.
    struct Tail: Sendable {
        let name: String
        let kernel: any Kernel
        let op: PostOp
        let addendInput: Int?
        let headFirst: Bool
    }

    let head: any PostOpFusible
    let headName: String
    let headInputCount: Int
    let tails: [Tail]
    /// The values this step reads and writes channels-last (only when the head is a convolution).
    let layout: ChannelsLast

    init(head: any PostOpFusible, headName: String, headInputCount: Int, tails: [Tail], layout: ChannelsLast = .none) {
        self.head = head
        self.headName = headName
        self.headInputCount = headInputCount
        self.tails = tails
        self.layout = layout
    }

    /// The position of the `.add` operand among the step's inputs.
    var addendInput: Int? { tails.lazy.compactMap(\.addendInput).first }

    /// The same step reading and writing `layout`.
    func with(_ layout: ChannelsLast) -> FusedKernel {
        FusedKernel(head: head, headName: headName, headInputCount: headInputCount, tails: tails, layout: layout)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        var headInputs = Array(inputs.prefix(headInputCount))
        let addend = addendInput.flatMap { inputs[$0] }
        // Fused only with a float32 addend where an Add was absorbed; a missing one (an Add reading an omitted
        // input) goes to the Add kernel, which names it.
        let addendIsFloat: Bool
        if case .float? = addend?.storage { addendIsFloat = true } else { addendIsFloat = false }
        if addendInput == nil || addendIsFloat,
            let y = try head.forward(headInputs, then: tails.map(\.op), addend: addend, layout: layout)
        {
            return KernelOutput(outputs: [y])
        }
        // The nodes one by one, on the graph's own layout.
        var inputs = inputs
        if layout.input, let x = headInputs.first ?? nil { headInputs[0] = ChannelsLast.channelsFirst(x) }
        if layout.addend, let i = addendInput, let a = inputs[i] { inputs[i] = ChannelsLast.channelsFirst(a) }
        var y = try Self.firstOutput(of: head, named: headName, headInputs)
        for tail in tails {
            if let i = tail.addendInput {
                let other = inputs[i]
                y = try Self.firstOutput(of: tail.kernel, named: tail.name, tail.headFirst ? [y, other] : [other, y])
            } else {
                y = try Self.firstOutput(of: tail.kernel, named: tail.name, [y])
            }
        }
        return KernelOutput(outputs: [layout.output ? ChannelsLast.channelsLast(y) : y])
    }

    private static func firstOutput(of kernel: any Kernel, named name: String, _ inputs: [Tensor?]) throws -> Tensor {
        let out = try (kernel as? any TapeFreeForward)?.forwardWithoutTape(inputs) ?? kernel.forward(inputs)
        guard let y = out.outputs.first else {
            throw ExecutorError.missingKernelOutput(node: name, opType: type(of: kernel).opType, index: 0)
        }
        return y
    }
}
