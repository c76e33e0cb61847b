/// ONNX Gemm: Y = alpha · op(A) · op(B) + beta · C, with C broadcast to (M, N).
struct GemmKernel: AttributedKernel {
    static let opType = "Gemm"
    @NodeContext var ctx
    @Attribute var alpha: Float = 1
    @Attribute var beta: Float = 1
    @Attribute var transA = false
    @Attribute var transB = false
    /// B for batch-1 products (BLAS's one-row loop reads it 64 bytes at a time).
    var alignedB = AlignedWeights()

    func passesGradient(fromInput index: Int) -> Bool { index < 3 }

    /// (M, K, N) from the operand shapes.
    func dims(_ a: Tensor, _ b: Tensor) throws -> (m: Int, k: Int, n: Int) {
        guard a.rank == 2 else { throw ctx.inputError(0, "must be a matrix, got shape \(a.shape)") }
        guard b.rank == 2 else { throw ctx.inputError(1, "must be a matrix, got shape \(b.shape)") }
        let (m, k) = transA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == kb else {
            throw ctx.fail(
                "inner dimensions differ: A is \(a.shape)\(transA ? "ᵀ" : ""), B is \(b.shape)\(transB ? "ᵀ" : "")")
        }
        return (m, k, n)
    }

    /// What the product is added to: input C (read by `values`) broadcast to (m, n) with beta to scale it
    /// by, or zeros and 0 when C is absent or beta is 0.
    func initialC<T: BinaryFloatingPoint>(
        _ inputs: [Tensor?], m: Int, n: Int, values: (Tensor) throws -> [T]
    ) throws -> ([T], T) {
        guard let c = ctx.optionalInput(inputs, 2), beta != 0 else { return ([T](repeating: 0, count: m * n), 0) }
        let cv = try values(c)
        guard (try? Broadcast.shape(c.shape, [m, n])) == [m, n] else {
            throw ctx.inputError(2, "shape \(c.shape) cannot be broadcast to (\(m), \(n))")
        }
        return (Broadcast.expand(cv, from: c.shape, to: [m, n]), T(beta))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        if let out = try forwardDouble(inputs) { return out }
        return KernelOutput(outputs: [try product(inputs, then: [])])
    }

    /// The float32 product, followed by `ops`.
    private func product(_ inputs: [Tensor?], then ops: [PostOp]) throws -> Tensor {
        let (a, av) = try ctx.floatInput(inputs, 0)
        let (b, bv) = try ctx.floatInput(inputs, 1)
        let (m, k, n) = try dims(a, b)
        try ctx.checkOutput([m, n], .float)
        let (initial, cBeta) = try initialC(inputs, m: m, n: n) { try ctx.floats($0, input: 2) }
        var out = initial
        av.withUnsafeBufferPointer { pa in
            alignedB.withAlignedBuffer(of: bv, rows: m) { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let ba = pa.baseAddress, let bb = pb.baseAddress, let bc = pc.baseAddress else { return }
                    BLAS.sgemm(
                        transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                        a: ba, lda: a.shape[1], b: bb, ldb: b.shape[1], beta: cBeta, c: bc, ldc: n)
                    PostOp.apply(ops, to: bc, count: m * n, addend: nil)
                }
            }
        }
        return Tensor(shape: [m, n], storage: .float(out))
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil, nil] }
        let (a, av) = try ctx.floatInput(inputs, 0)
        let (b, bv) = try ctx.floatInput(inputs, 1)
        let (m, k, n) = try dims(a, b)
        let lda = a.shape[1]
        let ldb = b.shape[1]
        var da = [Float](repeating: 0, count: m * k)
        var db = [Float](repeating: 0, count: k * n)
        gv.withUnsafeBufferPointer { pg in
            av.withUnsafeBufferPointer { pa in
                bv.withUnsafeBufferPointer { pb in
                    guard let g = pg.baseAddress, let A = pa.baseAddress, let B = pb.baseAddress else { return }
                    da.withUnsafeMutableBufferPointer { pda in
                        guard let dA = pda.baseAddress else { return }
                        if !transA {
                            BLAS.sgemm(
                                transA: false, transB: !transB, m: m, n: k, k: n, alpha: alpha,
                                a: g, lda: n, b: B, ldb: ldb, c: dA, ldc: k)
                        } else {
                            BLAS.sgemm(
                                transA: transB, transB: true, m: k, n: m, k: n, alpha: alpha,
                                a: B, lda: ldb, b: g, ldb: n, c: dA, ldc: m)
                        }
                    }
                    db.withUnsafeMutableBufferPointer { pdb in
                        guard let dB = pdb.baseAddress else { return }
                        if !transB {
                            BLAS.sgemm(
                                transA: !transA, transB: false, m: k, n: n, k: m, alpha: alpha,
                                a: A, lda: lda, b: g, ldb: n, c: dB, ldc: n)
                        } else {
                            BLAS.sgemm(
                                transA: true, transB: transA, m: n, n: k, k: m, alpha: alpha,
                                a: g, lda: n, b: A, ldb: lda, c: dB, ldc: k)
                        }
                    }
                }
            }
        }
        var dc: Tensor?
        if let c = ctx.optionalInput(inputs, 2) {
            var r = Broadcast.reduce(gv, from: [m, n], to: c.shape)
            if beta != 1 { for i in r.indices { r[i] *= beta } }
            dc = Tensor(shape: c.shape, storage: .float(r))
        }
        return [Tensor(shape: a.shape, storage: .float(da)), Tensor(shape: b.shape, storage: .float(db)), dc]
    }
}

extension GemmKernel: PostOpFusible {
    static func fuses(_ op: PostOp) -> Bool { op == .relu }

    /// Nil for float64 operands, which keep their own path.
    func forward(_ inputs: [Tensor?], then ops: [PostOp], addend: Tensor?, layout: ChannelsLast) throws -> Tensor? {
        guard addend == nil, layout == .none, inputs.allSatisfy({ $0?.elementKind != .double }) else { return nil }
        return try product(inputs, then: ops)
    }
}
