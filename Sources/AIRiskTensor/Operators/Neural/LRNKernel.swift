import Foundation

/// ONNX LRN (local response normalisation across channels of [N, C, …]):
/// y = x / (bias + alpha/size · Σ x²)^beta over the `size` channels around each one. Not
/// differentiable.
struct LRNKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "LRN"
    @NodeContext var ctx
    @Attribute var alpha: Float = 1e-4
    @Attribute var beta: Float = 0.75
    @Attribute var bias: Float = 1
    @Attribute var size: Int

    func validate() throws {
        guard size > 0 else { throw ctx.attributeError("size", "must be positive") }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        guard x.rank >= 2 else { throw ctx.inputError(0, "must be [N, C, …]") }
        let c = x.shape[1]
        let inner = Shape.product(x.shape, 2..<x.rank)
        let lo = (size - 1) / 2
        let hi = size - 1 - lo
        var y = v
        for n in 0..<x.shape[0] {
            for ch in 0..<c {
                for i in 0..<inner {
                    var sum: Float = 0
                    for k in max(0, ch - lo)...min(c - 1, ch + hi) {
                        let e = v[(n * c + k) * inner + i]
                        sum += e * e
                    }
                    let e = (n * c + ch) * inner + i
                    y[e] = v[e] / Foundation.pow(bias + alpha / Float(size) * sum, beta)
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, scalars: y)])
    }
}
