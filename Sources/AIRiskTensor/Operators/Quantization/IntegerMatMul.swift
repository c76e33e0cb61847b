/// The exact integer product `(A − a_zero_point) · (B − b_zero_point)` with MatMul's numpy semantics (1-D
/// operands promoted, batch axes broadcast), shared by MatMulInteger and QLinearMatMul. A zero point is a scalar,
/// or 1-D: per row of A, per column of B.
struct IntegerMatMul: IntegerAccumulation {
    let matmul: MatMulKernel
    let ctx: KernelContext

    init(node: Node, opset: Int) throws {
        matmul = try MatMulKernel(node: node, opset: opset)
        ctx = KernelContext(node)
    }

    static func integers(_ t: Tensor, ctx: KernelContext, input: Int) throws -> [Int64] {
        switch t.storage {
        case .int64(let v): return v
        default: throw ctx.inputError(input, "must be an integer tensor, got \(t.elementTypeName)")
        }
    }

    func product(a: Tensor, b: Tensor, aZero: Tensor?, bZero: Tensor?, inputs: (a: Int, b: Int, aZero: Int, bZero: Int))
        throws -> (shape: [Int], values: [Int64])
    {
        let av = try Self.integers(a, ctx: ctx, input: inputs.a)
        let bv = try Self.integers(b, ctx: ctx, input: inputs.b)
        let p = try matmul.plan(a.shape, b.shape)
        let az = try aZero.map { try Self.integers($0, ctx: ctx, input: inputs.aZero) } ?? [0]
        let bz = try bZero.map { try Self.integers($0, ctx: ctx, input: inputs.bZero) } ?? [0]
        guard az.count == 1 || az.count == p.m else {
            throw ctx.inputError(inputs.aZero, "must hold 1 or \(p.m) values (one per row), got \(az.count)")
        }
        guard bz.count == 1 || bz.count == p.n else {
            throw ctx.inputError(inputs.bZero, "must hold 1 or \(p.n) values (one per column), got \(bz.count)")
        }
        var out = [Int64](repeating: 0, count: p.aIndex.count * p.m * p.n)
        for batch in p.aIndex.indices {
            let ao = p.aIndex[batch] * p.m * p.k
            let bo = p.bIndex[batch] * p.k * p.n
            for i in 0..<p.m {
                let za = az.count == 1 ? az[0] : az[i]
                for j in 0..<p.n {
                    let zb = bz.count == 1 ? bz[0] : bz[j]
                    var acc: Int64 = 0
                    for t in 0..<p.k { acc &+= (av[ao + i * p.k + t] &- za) &* (bv[bo + t * p.n + j] &- zb) }
                    out[(batch * p.m + i) * p.n + j] = acc
                }
            }
        }
        return (p.outShape, out)
    }
}
