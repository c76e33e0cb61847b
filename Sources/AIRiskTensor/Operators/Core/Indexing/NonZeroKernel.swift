/// ONNX NonZero: the coordinates of the non-zero elements, as [rank, count] int64, row-major
/// order. Not differentiable.
struct NonZeroKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "NonZero"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let nonzero: [Bool]
        do { nonzero = try x.asBools() } catch { throw ctx.fail(error.description) }
        let hits = nonzero.indices.filter { nonzero[$0] }
        let strides = Shape.strides(x.shape)
        var out = [Int64](repeating: 0, count: x.rank * hits.count)
        for (c, e) in hits.enumerated() {
            var rest = e
            for d in 0..<x.rank {
                out[d * hits.count + c] = Int64(rest / strides[d])
                rest %= strides[d]
            }
        }
        return KernelOutput(outputs: [Tensor(shape: [x.rank, hits.count], int64: out)])
    }
}
