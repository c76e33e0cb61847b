/// ONNX MatMul: numpy matmul semantics (1-D operands promoted, batch dimensions broadcast).
struct MatMulKernel: ContextKernel {
    static let opType = "MatMul"
    let ctx: KernelContext
    /// B for batch-1 products with one shared B (BLAS's one-row loop reads it 64 bytes at a time).
    let alignedB = AlignedWeights()

    /// The layout of one product: batch shapes and per-batch operand offsets.
    struct Plan {
        var m: Int, k: Int, n: Int
        var aBatch: [Int], bBatch: [Int], outBatch: [Int]
        var outShape: [Int]
        /// For each output batch, the batch index into A and into B.
        var aIndex: [Int], bIndex: [Int]
        /// B is a single matrix shared by every batch: one sgemm over all rows of A.
        var sharedB: Bool
    }

    func plan(_ a: [Int], _ b: [Int]) throws -> Plan {
        guard !a.isEmpty, !b.isEmpty else { throw ctx.fail("operands must have rank ≥ 1, got \(a) and \(b)") }
        let a2 = a.count == 1 ? [1, a[0]] : a
        let b2 = b.count == 1 ? [b[0], 1] : b
        let m = a2[a2.count - 2]
        let k = a2[a2.count - 1]
        let n = b2[b2.count - 1]
        guard b2[b2.count - 2] == k else { throw ctx.fail("inner dimensions differ: shapes \(a) and \(b)") }
        let aBatch = Array(a2.dropLast(2))
        let bBatch = Array(b2.dropLast(2))
        let outBatch = try ctx.broadcastShape(aBatch, bBatch)
        var outShape = outBatch
        if a.count > 1 { outShape.append(m) }
        if b.count > 1 { outShape.append(n) }
        try ctx.checkOutput(outShape, .float)
        let sharedB = Shape.count(bBatch) == 1
        let batches = Shape.count(outBatch)
        let aIndex = Broadcast.expand(Array(0..<Shape.count(aBatch)), from: aBatch, to: outBatch)
        let bIndex = Broadcast.expand(Array(0..<Shape.count(bBatch)), from: bBatch, to: outBatch)
        _ = batches
        return Plan(
            m: m, k: k, n: n, aBatch: aBatch, bBatch: bBatch, outBatch: outBatch, outShape: outShape,
            aIndex: aIndex, bIndex: bIndex, sharedB: sharedB)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        if let out = try forwardDouble(inputs) { return out }
        let (a, av) = try ctx.floatInput(inputs, 0)
        let (b, bv) = try ctx.floatInput(inputs, 1)
        let p = try plan(a.shape, b.shape)
        let batches = p.aIndex.count
        let total = batches * p.m * p.n
        // sgemm with β = 0 writes every element of C without reading it, so the output is not
        // zero-filled first (that fill was 4 % of a batch-256 MLP forward pass).
        let out = [Float](unsafeUninitializedCapacity: total) { pc, initialized in
            let written: Bool = av.withUnsafeBufferPointer { pa in
                alignedB.withAlignedBuffer(of: bv, rows: p.sharedB ? batches * p.m : 0) { pb in
                    guard let A = pa.baseAddress, let B = pb.baseAddress, let C = pc.baseAddress else { return false }
                    if p.sharedB && Shape.count(p.aBatch) == batches {
                        BLAS.sgemm(
                            transA: false, transB: false, m: batches * p.m, n: p.n, k: p.k,
                            a: A, lda: p.k, b: B, ldb: p.n, c: C, ldc: p.n)
                    } else {
                        for i in 0..<batches {
                            BLAS.sgemm(
                                transA: false, transB: false, m: p.m, n: p.n, k: p.k,
                                a: A + p.aIndex[i] * p.m * p.k, lda: p.k, b: B + p.bIndex[i] * p.k * p.n, ldb: p.n,
                                c: C + i * p.m * p.n, ldc: p.n)
                        }
                    }
                    return true
                }
            }
            // An empty operand (k = 0) leaves nothing to multiply: the product is all zeros.
            if !written { pc.initialize(repeating: 0) }
            initialized = total
        }
        return KernelOutput(outputs: [Tensor(shape: p.outShape, storage: .float(out))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (a, av) = try ctx.floatInput(inputs, 0)
        let (b, bv) = try ctx.floatInput(inputs, 1)
        let p = try plan(a.shape, b.shape)
        let batches = p.aIndex.count
        var da = [Float](repeating: 0, count: av.count)
        var db = [Float](repeating: 0, count: bv.count)
        gv.withUnsafeBufferPointer { pg in
            av.withUnsafeBufferPointer { pa in
                bv.withUnsafeBufferPointer { pb in
                    da.withUnsafeMutableBufferPointer { pda in
                        db.withUnsafeMutableBufferPointer { pdb in
                            guard let G = pg.baseAddress, let A = pa.baseAddress, let B = pb.baseAddress,
                                let dA = pda.baseAddress, let dB = pdb.baseAddress
                            else { return }
                            if p.sharedB && Shape.count(p.aBatch) == batches {
                                let rows = batches * p.m
                                BLAS.sgemm(
                                    transA: false, transB: true, m: rows, n: p.k, k: p.n,
                                    a: G, lda: p.n, b: B, ldb: p.n, c: dA, ldc: p.k)
                                BLAS.sgemm(
                                    transA: true, transB: false, m: p.k, n: p.n, k: rows,
                                    a: A, lda: p.k, b: G, ldb: p.n, c: dB, ldc: p.n)
                                return
                            }
                            for i in 0..<batches {
                                let gi = G + i * p.m * p.n
                                let ai = p.aIndex[i] * p.m * p.k
                                let bi = p.bIndex[i] * p.k * p.n
                                BLAS.sgemm(
                                    transA: false, transB: true, m: p.m, n: p.k, k: p.n,
                                    a: gi, lda: p.n, b: B + bi, ldb: p.n, beta: 1, c: dA + ai, ldc: p.k)
                                BLAS.sgemm(
                                    transA: true, transB: false, m: p.k, n: p.n, k: p.m,
                                    a: A + ai, lda: p.k, b: gi, ldb: p.n, beta: 1, c: dB + bi, ldc: p.n)
                            }
                        }
                    }
                }
            }
        }
        return [Tensor(shape: a.shape, storage: .float(da)), Tensor(shape: b.shape, storage: .float(db))]
    }
}
