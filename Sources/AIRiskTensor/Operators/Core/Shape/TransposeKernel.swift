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
