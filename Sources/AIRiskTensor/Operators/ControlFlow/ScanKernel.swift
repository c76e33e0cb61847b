/// ONNX Scan (opset 9+): runs the `body` graph once per position of the scan inputs, threading N
/// state values through the iterations and stacking the body's scan outputs. skl2onnx's kNN and
/// pairwise-distance exports use it. The body must be self-contained (it may not read values of the
/// enclosing graph); that is checked when the model loads. Not differentiable.
struct ScanKernel: ForwardOnlyKernel {
    static let opType = "Scan"
    let ctx: KernelContext
    let body: Executor
    let scanInputs: Int
    let inputAxes: [Int]?
    let inputDirections: [Int]?
    let outputAxes: [Int]?
    let outputDirections: [Int]?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        body = try ctx.subgraph(node, "body", part: "the body", parts: "bodies")
        guard let m = try ctx.int("num_scan_inputs"), m > 0 else {
            throw ctx.attributeError("num_scan_inputs", "is required and must be positive")
        }
        scanInputs = m
        inputAxes = try ctx.ints("scan_input_axes")
        inputDirections = try ctx.ints("scan_input_directions")
        outputAxes = try ctx.ints("scan_output_axes")
        outputDirections = try ctx.ints("scan_output_directions")
    }

    /// The slice of `t` at `index` along `axis` (that axis removed).
    static func slice(_ t: Tensor, axis: Int, index: Int) -> Tensor {
        var shape = t.shape
        shape.remove(at: axis)
        var strides = Shape.strides(t.shape)
        let step = strides.remove(at: axis)
        let map = IndexMap.strided(shape: shape, base: index * step, strides: strides)
        return Tensor(shape: shape, storage: t.storage.gathered(map))
    }

    /// `parts` (equal shapes) stacked along a new `axis`.
    static func stack(_ parts: [Tensor], axis: Int) -> Tensor? {
        guard let first = parts.first, let joined = Tensor.Storage.joined(parts.map(\.storage)) else { return nil }
        var shape = first.shape
        shape.insert(parts.count, at: axis)
        if axis == 0 { return Tensor(shape: shape, storage: joined) }
        // Element (…, t, …) of the result is element (…) of part t, which sits at t·count + offset.
        var strides = Shape.strides(first.shape)
        strides.insert(first.count, at: axis)
        let map = IndexMap.strided(shape: shape, base: 0, strides: strides)
        return Tensor(shape: shape, storage: joined.gathered(map))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let all = try inputs.indices.map { try ctx.input(inputs, $0) }
        let n = all.count - scanInputs
        let names = body.inputNames
        guard n >= 0, names.count == all.count else {
            throw ctx.fail("the body takes \(names.count) inputs but the node passes \(all.count)")
        }
        var states = Array(all[..<n])
        let sequences = Array(all[n...])
        var axes: [Int] = []
        var length = -1
        for (i, s) in sequences.enumerated() {
            let a = try ctx.axis(inputAxes?[safe: i] ?? 0, rank: s.rank)
            axes.append(a)
            if length >= 0 && s.shape[a] != length {
                throw ctx.inputError(n + i, "has \(s.shape[a]) steps along axis \(a); other scan inputs have \(length)")
            }
            length = s.shape[a]
        }
        let outputs = body.outputNames
        var collected = [[Tensor]](repeating: [], count: outputs.count - n)
        for t in 0..<length {
            var feed: [String: Tensor] = [:]
            for i in 0..<n { feed[names[i]] = states[i] }
            for (i, s) in sequences.enumerated() {
                let reverse = (inputDirections?[safe: i] ?? 0) == 1
                feed[names[n + i]] = Self.slice(s, axis: axes[i], index: reverse ? length - 1 - t : t)
            }
            let result = try body.run(inputs: feed)
            for (j, name) in outputs.enumerated() {
                guard let v = result[name] else { throw ctx.fail("the body did not produce '\(name)'") }
                if j < n { states[j] = v } else { collected[j - n].append(v) }
            }
        }
        var stacked: [Tensor] = []
        for (k, parts) in collected.enumerated() {
            let ordered = (outputDirections?[safe: k] ?? 0) == 1 ? Array(parts.reversed()) : parts
            guard let first = ordered.first else {
                throw ctx.fail("cannot stack scan output \(k) over zero iterations")
            }
            guard ordered.allSatisfy({ $0.shape == first.shape }) else {
                throw ctx.fail("scan output \(k) changes shape between iterations")
            }
            let axis = try ctx.axis(outputAxes?[safe: k] ?? 0, rank: first.rank + 1)
            guard let s = Self.stack(ordered, axis: axis) else { throw ctx.fail("cannot stack scan output \(k)") }
            stacked.append(s)
        }
        return KernelOutput(outputs: states + stacked)
    }

}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
