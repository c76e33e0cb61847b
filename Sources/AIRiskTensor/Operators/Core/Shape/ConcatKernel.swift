/// ONNX Concat along `axis`, for every element type.
struct ConcatKernel: AttributedKernel {
    static let opType = "Concat"
    @NodeContext var ctx
    @Attribute var axis: Int

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let parts = inputs.compactMap { $0 }
        guard let first = parts.first else {
            throw OperatorError.missingInput(node: ctx.name, opType: ctx.opType, index: 0)
        }
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
            let (sum, overflow) = shape[a].addingReportingOverflow(p.shape[a])
            guard !overflow else { throw ctx.fail("the concatenated axis \(a) overflows") }
            shape[a] = sum
        }
        try ctx.checkOutput(shape, first.elementKind == .string ? .string : .int64)
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
