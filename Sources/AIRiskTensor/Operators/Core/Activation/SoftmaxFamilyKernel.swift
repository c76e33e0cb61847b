import Foundation

/// ONNX Softmax and LogSoftmax. Before opset 13 the input is coerced to 2-D at `axis` (default 1)
/// and normalised over the flattened trailing block; from opset 13 over the single `axis`
/// (default -1).
struct SoftmaxFamilyKernel<Variant: SoftmaxVariant>: SoftmaxAxisKernel {
    static var opType: String { Variant.isLog ? "LogSoftmax" : "Softmax" }
    let ctx: KernelContext
    let slices: SoftmaxAxis

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        if case .double(let dv)? = ctx.optionalInput(inputs, 0)?.storage, let x = inputs[0] {
            return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .double(try forwardDouble(dv, x.shape)))])
        }
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (outer, len, inner) = try slices.layout(x.shape, ctx)
        let out = Self.normalised(xv, outer: outer, len: len, inner: inner, reciprocal: true) {
            Foundation.exp($0)
        } log: {
            Foundation.log($0)
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: .float(out))])
    }

    /// Softmax, or LogSoftmax, of `x` over slices laid out as (outer, len, inner), in `T` with its `exp` and
    /// `log`. The float32 path scales by the reciprocal of a slice's sum (`reciprocal`), the float64 path
    /// divides by the sum, each as it always has.
    static func normalised<T: BinaryFloatingPoint>(
        _ x: [T], outer: Int, len: Int, inner: Int, reciprocal: Bool, exp: (T) -> T, log: (T) -> T
    ) -> [T] {
        var out = [T](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                for o in 0..<outer {
                    for i in 0..<inner {
                        let base = o * len * inner + i
                        var m = -T.infinity
                        for j in 0..<len { m = Swift.max(m, px[base + j * inner]) }
                        var sum: T = 0
                        for j in 0..<len {
                            let e = exp(px[base + j * inner] - m)
                            py[base + j * inner] = e
                            sum += e
                        }
                        if Variant.isLog {
                            let logSum = log(sum) + m
                            for j in 0..<len { py[base + j * inner] = px[base + j * inner] - logSum }
                        } else if reciprocal {
                            let inv = 1 / sum
                            for j in 0..<len { py[base + j * inner] *= inv }
                        } else {
                            for j in 0..<len { py[base + j * inner] /= sum }
                        }
                    }
                }
            }
        }
        return out
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil] }
        guard let y = forward.outputs.first, let yv = y.floats else { return [nil] }
        let (outer, len, inner) = try slices.layout(y.shape, ctx)
        var dx = [Float](repeating: 0, count: yv.count)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * len * inner + i
                if Variant.isLog {
                    // dx = g - softmax · Σg
                    var sum: Float = 0
                    for j in 0..<len { sum += gv[base + j * inner] }
                    for j in 0..<len {
                        let k = base + j * inner
                        dx[k] = gv[k] - Foundation.exp(yv[k]) * sum
                    }
                } else {
                    // dx = y · (g - Σ g·y)
                    var dot: Float = 0
                    for j in 0..<len { dot += gv[base + j * inner] * yv[base + j * inner] }
                    for j in 0..<len {
                        let k = base + j * inner
                        dx[k] = yv[k] * (gv[k] - dot)
                    }
                }
            }
        }
        return [Tensor(shape: y.shape, storage: .float(dx))]
    }
}
