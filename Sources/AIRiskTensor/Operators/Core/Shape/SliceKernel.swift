/// ONNX Slice: starts/ends/axes attributes before opset 10, then inputs with optional axes and steps.
struct SliceKernel: Kernel {
    static let opType = "Slice"
    let ctx: KernelContext
    let attributeArgs: (starts: [Int], ends: [Int], axes: [Int]?)?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        if opset < 10 {
            guard let s = try ctx.ints("starts") else { throw ctx.attributeError("starts", "is required") }
            guard let e = try ctx.ints("ends") else { throw ctx.attributeError("ends", "is required") }
            attributeArgs = (s, e, try ctx.ints("axes"))
        } else {
            attributeArgs = nil
        }
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func plan(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], base: Int, strides: [Int]) {
        let data = try ctx.input(inputs, 0)
        let starts: [Int]
        let ends: [Int]
        let axesIn: [Int]?
        var steps: [Int]?
        if let args = attributeArgs {
            (starts, ends, axesIn) = args
        } else {
            starts = try ctx.intValues(inputs, 1)
            ends = try ctx.intValues(inputs, 2)
            axesIn = try ctx.optionalIntValues(inputs, 3)
            steps = try ctx.optionalIntValues(inputs, 4)
        }
        let axes = axesIn ?? Array(0..<starts.count)
        guard starts.count == ends.count, axes.count == starts.count, steps.map({ $0.count == starts.count }) ?? true
        else { throw ctx.fail("starts, ends, axes and steps must have equal lengths") }
        var begin = [Int](repeating: 0, count: data.rank)
        var step = [Int](repeating: 1, count: data.rank)
        var shape = data.shape
        for (i, axis) in axes.enumerated() {
            let a = try ctx.axis(axis, rank: data.rank)
            let dim = data.shape[a]
            let st = steps?[i] ?? 1
            guard st != 0, st != Int.min else { throw ctx.fail("step \(st) is invalid") }
            var s = starts[i]
            var e = ends[i]
            if s < 0 { s += dim }
            if e < 0 { e += dim }
            if st > 0 {
                s = min(max(s, 0), dim)
                e = min(max(e, 0), dim)
                shape[a] = e > s ? (e - s + st - 1) / st : 0
            } else {
                s = min(max(s, 0), dim - 1)
                e = min(max(e, -1), dim - 1)
                shape[a] = s > e ? (s - e - st - 1) / (-st) : 0
            }
            begin[a] = s
            step[a] = st
        }
        let strides = Shape.strides(data.shape)
        var base = 0
        for d in 0..<data.rank { base += begin[d] * strides[d] }
        return (data, shape, base, (0..<data.rank).map { strides[$0] * step[$0] })
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (data, shape, base, strides) = try plan(inputs)
        if case .float(let values) = data.storage, let last = shape.last, strides.last == 1 {
            return KernelOutput(
                outputs: [
                    Tensor(
                        shape: shape,
                        scalars: Self.copyRuns(values, shape: shape, base: base, strides: strides, run: last))
                ])
        }
        let map = IndexMap.strided(shape: shape, base: base, strides: strides)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: data.storage.gathered(map))])
    }

    /// The slice of float `values` whose last axis is contiguous, copied a run of `run` elements at a time: the
    /// index map is built over the outer axes only (one Int per run, not per element).
    static func copyRuns(_ values: [Float], shape: [Int], base: Int, strides: [Int], run: Int) -> [Float] {
        let count = shape.reduce(1, *)
        let starts = IndexMap.strided(shape: Array(shape.dropLast()), base: base, strides: Array(strides.dropLast()))
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let target = out.baseAddress else { return }
            values.withUnsafeBufferPointer { source in
                guard let source = source.baseAddress else { return }
                for (index, start) in starts.enumerated() {
                    (target + index * run).initialize(from: source + start, count: run)
                }
            }
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return inputs.map { _ in nil } }
        let (data, shape, base, strides) = try plan(inputs)
        let map = IndexMap.strided(shape: shape, base: base, strides: strides)
        var result: [Tensor?] = [
            Tensor(shape: data.shape, storage: .float(IndexMap.scatterAdd(gv, map: map, count: data.count)))
        ]
        while result.count < inputs.count { result.append(nil) }
        return result
    }
}
