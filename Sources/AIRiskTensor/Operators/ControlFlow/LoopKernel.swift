/// ONNX Loop (opsets 1–21): runs `body` while the iteration count is below the trip count `M` (when given) and
/// the condition holds (when given), threading the loop-carried values and stacking the body's scan outputs
/// along a new first axis. The body must be self-contained (checked when the model loads). A loop runs at most
/// ``maxIterations`` times; one that would run longer is refused. Not differentiable.
struct LoopKernel: ForwardOnlyKernel {
    static let opType = "Loop"
    /// The iteration ceiling: a model cannot make the engine spin without end.
    static let maxIterations = 100_000
    let ctx: KernelContext
    let body: Executor

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        body = try ctx.subgraph(node, "body", part: "the body", parts: "bodies")
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let tripCount = try ctx.optionalIntValues(inputs, 0)
        var cond: Bool = true
        if let c = ctx.optionalInput(inputs, 1) {
            do { cond = try c.asBools().first ?? false } catch { throw ctx.inputError(1, error.description) }
        }
        var states = try (2..<Swift.max(2, inputs.count)).map { try ctx.input(inputs, $0) }
        let names = body.inputNames
        let outputs = body.outputNames
        guard names.count == states.count + 2, outputs.count >= states.count + 1 else {
            throw ctx.fail(
                "the body takes \(names.count) inputs and gives \(outputs.count) outputs; the node carries "
                    + "\(states.count) values")
        }
        let limit = tripCount.map { Swift.max(0, $0.first ?? 0) }
        var collected = [[Tensor]](repeating: [], count: outputs.count - 1 - states.count)
        var i = 0
        while cond && (limit.map { i < $0 } ?? true) {
            guard i < Self.maxIterations else {
                throw ctx.fail("the loop runs more than \(Self.maxIterations) iterations")
            }
            var feed: [String: Tensor] = [
                names[0]: Tensor(shape: [], int64: [Int64(i)]), names[1]: Tensor(shape: [], storage: .bool([cond])),
            ]
            for (k, s) in states.enumerated() { feed[names[k + 2]] = s }
            let result = try body.run(inputs: feed)
            func output(_ j: Int) throws -> Tensor {
                guard let v = result[outputs[j]] else { throw ctx.fail("the body did not produce '\(outputs[j])'") }
                return v
            }
            do { cond = try output(0).asBools().first ?? false } catch let e as OperatorError { throw e } catch {
                throw ctx.fail("the body's condition output is not boolean: \(error)")
            }
            for k in states.indices { states[k] = try output(k + 1) }
            for k in collected.indices { collected[k].append(try output(1 + states.count + k)) }
            i += 1
        }
        var stacked: [Tensor] = []
        for (k, parts) in collected.enumerated() {
            guard let first = parts.first else {
                throw ctx.fail("cannot stack scan output \(k) over zero iterations (its shape is unknown)")
            }
            guard parts.allSatisfy({ $0.shape == first.shape }) else {
                throw ctx.fail("scan output \(k) changes shape between iterations")
            }
            try ctx.checkOutput([parts.count] + first.shape, first.elementKind)
            guard let s = ScanKernel.stack(parts, axis: 0) else { throw ctx.fail("cannot stack scan output \(k)") }
            stacked.append(s)
        }
        return KernelOutput(outputs: states + stacked)
    }
}
