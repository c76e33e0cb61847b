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
