/// ONNX Transpose: permutes the axes (reverses them when `perm` is absent).
struct TransposeKernel: Kernel {
    static let opType = "Transpose"
    let ctx: KernelContext
    let perm: [Int]?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        perm = try ctx.ints("perm")
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func permutation(rank: Int) throws -> [Int] {
        let p = perm ?? Array((0..<rank).reversed())
        guard p.count == rank, Set(p) == Set(0..<rank) else {
            throw ctx.attributeError("perm", "\(p) is not a permutation of the \(rank) axes")
        }
        return p
    }

    /// For each output element, the input element it comes from.
    func map(_ shape: [Int], _ p: [Int]) -> (outShape: [Int], map: [Int]) {
        let strides = Shape.strides(shape)
        let outShape = p.map { shape[$0] }
        return (outShape, IndexMap.strided(shape: outShape, base: 0, strides: p.map { strides[$0] }))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let p = try permutation(rank: x.rank)
        if p == Array(0..<x.rank) { return KernelOutput(outputs: [x]) }
        let (outShape, m) = map(x.shape, p)
        if case .float(let v) = x.storage, x.rank == 2 {
            // Plain matrix transpose without an index map.
            let (r, c) = (x.shape[0], x.shape[1])
            let out = [Float](unsafeUninitializedCapacity: v.count) { buf, n in
                for i in 0..<r { for j in 0..<c { buf[j * r + i] = v[i * c + j] } }
                n = v.count
            }
            return KernelOutput(outputs: [Tensor(shape: outShape, storage: .float(out))])
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, storage: x.storage.gathered(m))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats, let x = inputs.first ?? nil else { return [nil] }
        let p = try permutation(rank: x.rank)
        let (_, m) = map(x.shape, p)
        return [Tensor(shape: x.shape, storage: .float(IndexMap.scatterAdd(gv, map: m, count: x.count)))]
    }
}

/// ONNX Concat along `axis`, for every element type.
struct ConcatKernel: Kernel {
    static let opType = "Concat"
    let ctx: KernelContext
    let axis: Int

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        guard let a = try ctx.int("axis") else { throw ctx.attributeError("axis", "is required") }
        axis = a
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let parts = inputs.compactMap { $0 }
        guard let first = parts.first else { throw OperatorError.missingInput(node: ctx.name, opType: ctx.opType, index: 0) }
        let a = try ctx.axis(axis, rank: first.rank)
        var shape = first.shape
        shape[a] = 0
        for (i, p) in parts.enumerated() {
            guard p.rank == first.rank, p.elementKind == first.elementKind else {
                throw ctx.inputError(i, "has shape \(p.shape) (\(p.elementTypeName)), incompatible with \(first.shape)")
            }
            for d in 0..<p.rank where d != a && p.shape[d] != first.shape[d] {
                throw ctx.inputError(i, "has shape \(p.shape), which differs from \(first.shape) outside axis \(a)")
            }
            shape[a] += p.shape[a]
        }
        let outer = Shape.product(first.shape, 0..<a)
        if outer == 1, let joined = Tensor.Storage.joined(parts.map(\.storage)) {
            return KernelOutput(outputs: [Tensor(shape: shape, storage: joined)])
        }
        // Interleave the blocks: for each outer index, each part's contiguous block.
        var map: [Int] = []
        map.reserveCapacity(Shape.count(shape))
        var offsets: [Int] = []
        var total = 0
        for p in parts {
            offsets.append(total)
            total += p.count
        }
        let blocks = parts.map { $0.count / max(outer, 1) }
        for o in 0..<outer {
            for (i, b) in blocks.enumerated() {
                let start = offsets[i] + o * b
                for j in 0..<b { map.append(start + j) }
            }
        }
        guard let joined = Tensor.Storage.joined(parts.map(\.storage)) else {
            throw ctx.fail("inputs have different element types")
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: joined.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return inputs.map { _ in nil } }
        guard let first = inputs.compactMap({ $0 }).first else { return [] }
        let a = try ctx.axis(axis, rank: first.rank)
        let outer = Shape.product(first.shape, 0..<a)
        let outBlock = gv.count / max(outer, 1)
        var result: [Tensor?] = []
        var offset = 0
        for input in inputs {
            guard let x = input else {
                result.append(nil)
                continue
            }
            let b = x.count / max(outer, 1)
            var out = [Float](repeating: 0, count: x.count)
            for o in 0..<outer {
                for j in 0..<b { out[o * b + j] = gv[o * outBlock + offset + j] }
            }
            offset += b
            result.append(Tensor(shape: x.shape, storage: .float(out)))
        }
        return result
    }
}

/// ONNX Gather: picks slices of `data` along `axis` at `indices` (negative indices count from the end).
struct GatherKernel: Kernel {
    static let opType = "Gather"
    let ctx: KernelContext
    let axis: Int

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        axis = try ctx.int("axis", default: 0)
    }

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func plan(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let idx = try ctx.intValues(inputs, 1)
        let a = try ctx.axis(axis, rank: data.rank)
        let dim = data.shape[a]
        let outer = Shape.product(data.shape, 0..<a)
        let inner = Shape.product(data.shape, (a + 1)..<data.rank)
        var resolved: [Int] = []
        resolved.reserveCapacity(idx.count)
        for i in idx {
            let j = i < 0 ? i + dim : i
            guard j >= 0 && j < dim else { throw ctx.inputError(1, "index \(i) is out of range for axis size \(dim)") }
            resolved.append(j)
        }
        var map: [Int] = []
        map.reserveCapacity(outer * resolved.count * inner)
        for o in 0..<outer {
            for j in resolved {
                let base = (o * dim + j) * inner
                for k in 0..<inner { map.append(base + k) }
            }
        }
        let shape = Array(data.shape[..<a]) + indices.shape + Array(data.shape[(a + 1)...])
        return (data, shape, map)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (data, shape, map) = try plan(inputs)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: data.storage.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (data, _, map) = try plan(inputs)
        return [Tensor(shape: data.shape, storage: .float(IndexMap.scatterAdd(gv, map: map, count: data.count))), nil]
    }
}

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

    func plan(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
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
            guard st != 0 else { throw ctx.fail("step must not be 0") }
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
        let map = IndexMap.strided(shape: shape, base: base, strides: (0..<data.rank).map { strides[$0] * step[$0] })
        return (data, shape, map)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (data, shape, map) = try plan(inputs)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: data.storage.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return inputs.map { _ in nil } }
        let (data, _, map) = try plan(inputs)
        var result: [Tensor?] = [Tensor(shape: data.shape, storage: .float(IndexMap.scatterAdd(gv, map: map, count: data.count)))]
        while result.count < inputs.count { result.append(nil) }
        return result
    }
}

/// ONNX Shape, with the `start`/`end` window of opset 15.
struct ShapeKernel: Kernel {
    static let opType = "Shape"
    static let isDifferentiable = false
    let ctx: KernelContext
    let start: Int
    let end: Int?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        start = try ctx.int("start", default: 0)
        end = try ctx.int("end")
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let r = x.rank
        func clamp(_ v: Int) -> Int { min(max(v < 0 ? v + r : v, 0), r) }
        let s = clamp(start)
        let e = clamp(end ?? r)
        let dims = s < e ? x.shape[s..<e].map { Int64($0) } : []
        return KernelOutput(outputs: [Tensor(int64Vector: dims)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] { [nil] }
}
