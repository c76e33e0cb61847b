/// ONNX Transpose: permutes the axes (reverses them when `perm` is absent).
struct TransposeKernel: AttributedKernel {
    static let opType = "Transpose"
    @NodeContext var ctx
    @Attribute var perm: [Int]? = nil

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func permutation(rank: Int) throws -> [Int] {
        let p = perm ?? Array((0..<rank).reversed())
        var seen = [Bool](repeating: false, count: rank)
        let isPermutation =
            p.count == rank
            && p.allSatisfy { a in
                guard (0..<rank).contains(a), !seen[a] else { return false }
                seen[a] = true
                return true
            }
        guard isPermutation else {
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
        let outShape = p.map { x.shape[$0] }
        let runs = Self.runs(shape: x.shape, p)
        // Axes of length 1 moved, or none: every element keeps its place, so the storage is shared.
        if runs.dims.count <= 1 { return KernelOutput(outputs: [Tensor(shape: outShape, storage: x.storage)]) }
        let storage: Tensor.Storage =
            switch x.storage {
            case .float(let v): .float(Self.permuted(v, runs))
            case .double(let v): .double(Self.permuted(v, runs))
            case .int64(let v): .int64(Self.permuted(v, runs))
            case .bool(let v): .bool(Self.permuted(v, runs))
            case .string(let v): .string(Self.permuted(v, runs))
            }
        return KernelOutput(outputs: [Tensor(shape: outShape, storage: storage)])
    }

    /// The permutation as few output axes as possible, each with its length and its stride in the input: axes of
    /// length 1 dropped, and output axes that follow each other in the input too merged into one.
    static func runs(shape: [Int], _ p: [Int]) -> (dims: [Int], strides: [Int]) {
        let strides = Shape.strides(shape)
        // Each axis of length > 1 numbered in input order; consecutive numbers are adjacent in memory.
        var order = [Int](repeating: -1, count: shape.count)
        var next = 0
        for a in shape.indices where shape[a] != 1 {
            order[a] = next
            next += 1
        }
        var dims: [Int] = [], inStrides: [Int] = []
        var previous = -2
        for a in p where shape[a] != 1 {
            if order[a] == previous + 1, let last = dims.indices.last {
                dims[last] *= shape[a]
                inStrides[last] = strides[a]
            } else {
                dims.append(shape[a])
                inStrides.append(strides[a])
            }
            previous = order[a]
        }
        return (dims, inStrides)
    }

    /// The elements in output order: the innermost run copied whole when it is contiguous in the input.
    static func permuted<T>(_ v: [T], _ runs: (dims: [Int], strides: [Int])) -> [T] {
        let innerStride = runs.strides[runs.strides.count - 1]
        return [T](unsafeUninitializedCapacity: v.count) { out, initialized in
            v.withUnsafeBufferPointer { src in
                guard let source = src.baseAddress, let target = out.baseAddress else { return }
                IndexMap.forEachRun(shape: runs.dims, base: 0, strides: runs.strides) { o, offset, length in
                    if innerStride == 1 {
                        (target + o).initialize(from: source + offset, count: length)
                    } else {
                        for j in 0..<length { (target + o + j).initialize(to: source[offset + j * innerStride]) }
                    }
                }
            }
            initialized = v.count
        }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats, let x = inputs.first ?? nil else { return [nil] }
        let p = try permutation(rank: x.rank)
        let (_, m) = map(x.shape, p)
        return [Tensor(shape: x.shape, storage: .float(IndexMap.scatterAdd(gv, map: m, count: x.count)))]
    }
}
