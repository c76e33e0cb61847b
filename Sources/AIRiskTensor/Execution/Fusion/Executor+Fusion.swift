extension Executor {
    /// The inference plan with each product (a ``PostOpFusible`` kernel: Conv, Gemm) merged with the Add and Relu
    /// nodes that alone read its result, as one ``FusedKernel`` step: a ResNet block's `Conv → Add → Relu` writes its
    /// output once. The merged step takes the place of the last node it absorbs, where every input it reads (an Add's
    /// other operand may be computed after the product) is ready. Values that are graph outputs (`keep`) or read by
    /// more than one node are never absorbed. Only ``run(inputs:)`` uses this plan; gradients run the graph as it is.
    /// A node is absorbed only if it computes float64 inputs in float64 (Add and Relu do), so running it inside the
    /// merged step, past the executor's float64 boundary, changes nothing; the merged step keeps the product's
    /// boundary.
    /// The steps' `releases` must be worked out again for the plan returned.
    static func fuse(_ steps: [Step], keep: Set<Int>) -> [Step] {
        var readers: [Int: Int] = [:]
        for step in steps { for s in step.inputs where s >= 0 { readers[s, default: 0] += 1 } }
        /// The step reading `slot`, when it is the only reader and reads it once.
        var readerOf: [Int: Int] = [:]
        for (i, step) in steps.enumerated() { for s in step.inputs where s >= 0 && readers[s] == 1 { readerOf[s] = i } }

        var plan: [Step?] = steps.map { $0 }
        for i in steps.indices {
            guard let head = steps[i].kernel as? any PostOpFusible, steps[i].outputs.count == 1 else { continue }
            var fused: [FusedKernel.Tail] = []
            var inputs = steps[i].inputs
            var position = i, value = steps[i].outputs[0]
            while value >= 0, !keep.contains(value), let j = readerOf[value], let tailStep = plan[j],
                tailStep.outputs.count == 1, tailStep.computesDouble,
                let op = PostOp(tailStep.kernel),
                type(of: head).fuses(op), !fused.contains(where: { $0.op == op && op == .add })
            {
                var addendInput: Int?
                var headFirst = true
                if op == .add {
                    guard tailStep.inputs.count == 2 else { break }
                    headFirst = tailStep.inputs[0] == value
                    addendInput = inputs.count
                    inputs.append(tailStep.inputs[headFirst ? 1 : 0])
                }
                fused.append(
                    .init(
                        name: tailStep.name, kernel: tailStep.kernel, op: op, addendInput: addendInput,
                        headFirst: headFirst))
                plan[position] = nil
                position = j
                value = tailStep.outputs[0]
            }
            guard !fused.isEmpty else { continue }
            let kernel = FusedKernel(
                head: head, headName: steps[i].name, headInputCount: steps[i].inputs.count, tails: fused)
            plan[position] = Step(
                kernel: kernel, tapeFree: nil, name: steps[i].name, opType: steps[i].opType,
                computesDouble: steps[i].computesDouble,
                inputs: inputs, outputs: [value], releases: [])
        }
        return plan.compactMap { $0 }
    }
}

extension Executor {
    /// A step that can read and write channels-last values: a 2-D convolution (as a ``FusedKernel``) or a MaxPool.
    private enum ChannelsLastStep {
        case convolution(FusedKernel)
        case pool(MaxPoolKernel)

        /// Whether the step takes the value at input `position` channels-last.
        func reads(position: Int) -> Bool {
            switch self {
            case .convolution(let kernel): position == 0 || position == kernel.addendInput
            case .pool: position == 0
            }
        }
    }

    /// The fused plan with the values passed between 2-D convolutions, and the MaxPools between them, kept
    /// channels-last (``ChannelsLast``). A value qualifies when it is not a graph output, every step reading it is a
    /// convolution reading it as its image or its addend or a MaxPool, and it is written by a convolution or by a
    /// MaxPool whose own input qualifies. Convolutions are those with constant rank-4 weights, run through oneDNN;
    /// without oneDNN the plan is returned as it is. A convolution that is not fused yet becomes a ``FusedKernel``
    /// without post-ops when it reads or writes such a value, and a MaxPool reading one a ``ChannelsLastMaxPool``.
    static func keepChannelsLast(_ plan: [Step], keep: Set<Int>, constants: [Tensor?]) -> [Step] {
        #if canImport(CDNNL)
            guard DNNLConvolution.isEnabled else { return plan }
            let candidates: [ChannelsLastStep?] = plan.map { step in
                guard step.outputs.count == 1, !step.inputs.isEmpty else { return nil }
                if let pool = step.kernel as? MaxPoolKernel { return .pool(pool) }
                let fused =
                    step.kernel as? FusedKernel
                    ?? (step.kernel as? ConvKernel).map {
                        FusedKernel(head: $0, headName: step.name, headInputCount: step.inputs.count, tails: [])
                    }
                guard let fused, fused.head is ConvKernel, step.inputs.count >= 2,
                    step.inputs[1] >= 0, step.inputs[1] < constants.count, constants[step.inputs[1]]?.rank == 4
                else { return nil }
                return .convolution(fused)
            }
            var readers: [Int: [(step: Int, position: Int)]] = [:]
            for (i, step) in plan.enumerated() {
                for (position, slot) in step.inputs.enumerated() where slot >= 0 {
                    readers[slot, default: []].append((i, position))
                }
            }
            // Steps are in run order, so a pool's input has been decided when the pool is reached.
            var channelsLast = Set<Int>()
            for (i, step) in plan.enumerated() {
                guard let candidate = candidates[i] else { continue }
                if case .pool = candidate, !channelsLast.contains(step.inputs[0]) { continue }
                let value = step.outputs[0]
                guard value >= 0, !keep.contains(value), let reads = readers[value], !reads.isEmpty else { continue }
                if reads.allSatisfy({ candidates[$0.step]?.reads(position: $0.position) ?? false }) {
                    channelsLast.insert(value)
                }
            }
            guard !channelsLast.isEmpty else { return plan }
            return plan.indices.map { i in
                let step = plan[i]
                let kernel: any Kernel
                switch candidates[i] {
                case .convolution(let fused)?:
                    let layout = ChannelsLast(
                        input: channelsLast.contains(step.inputs[0]),
                        addend: fused.addendInput.map { channelsLast.contains(step.inputs[$0]) } ?? false,
                        output: channelsLast.contains(step.outputs[0]))
                    guard layout != .none else { return step }
                    kernel = fused.with(layout)
                case .pool(let pool)?:
                    guard channelsLast.contains(step.inputs[0]) else { return step }
                    kernel = ChannelsLastMaxPool(pool: pool, outputChannelsLast: channelsLast.contains(step.outputs[0]))
                case nil:
                    return step
                }
                return Step(
                    kernel: kernel, tapeFree: nil, name: step.name, opType: step.opType,
                    computesDouble: step.computesDouble, inputs: step.inputs, outputs: step.outputs, releases: [])
            }
        #else
            return plan
        #endif
    }
}

extension PostOp {
    /// The post-op a kernel of the graph computes, if it is one (ONNX Add or Relu).
    init?(_ kernel: any Kernel) {
        switch kernel {
        case is BinaryKernel<AddOp>: self = .add
        case is UnaryKernel<ReluFunction>: self = .relu
        default: return nil
        }
    }
}
