/// ONNX Det (opset 11): the determinant of each square matrix in the last two axes, by LU decomposition with
/// partial pivoting in Double. Declared not differentiable: graphs through it report no input gradients.
struct DetKernel: ForwardOnlyKernel, ContextKernel {
    static let opType = "Det"
    let ctx: KernelContext

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        guard x.rank >= 2, x.shape[x.rank - 1] == x.shape[x.rank - 2] else {
            throw ctx.inputError(0, "must hold square matrices in its last two axes, got shape \(x.shape)")
        }
        let n = x.shape[x.rank - 1]
        let batchShape = Array(x.shape.dropLast(2))
        let batch = batchShape.reduce(1, *)
        var out = [Float](repeating: 0, count: batch)
        for b in 0..<batch {
            var a = xs[(b * n * n)..<((b + 1) * n * n)].map { Double($0) }
            var det = 1.0
            for col in 0..<n {
                var pivot = col
                for r in (col + 1)..<Swift.max(col + 1, n) where abs(a[r * n + col]) > abs(a[pivot * n + col]) {
                    pivot = r
                }
                if a[pivot * n + col] == 0 {
                    det = 0
                    break
                }
                if pivot != col {
                    for c in 0..<n { a.swapAt(pivot * n + c, col * n + c) }
                    det = -det
                }
                let p = a[col * n + col]
                det *= p
                for r in (col + 1)..<Swift.max(col + 1, n) {
                    let f = a[r * n + col] / p
                    if f == 0 { continue }
                    for c in col..<n { a[r * n + c] -= f * a[col * n + c] }
                }
            }
            out[b] = Float(det)
        }
        return KernelOutput(outputs: [Tensor(shape: batchShape, scalars: out)])
    }
}
