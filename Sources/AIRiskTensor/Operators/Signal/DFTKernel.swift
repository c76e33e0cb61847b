import Foundation

/// ONNX DFT (opset 17): the discrete Fourier transform along `axis` (default 1) of a real `[…, 1]` or complex
/// `[…, 2]` signal, padded with zeros or truncated to `dft_length` when given; `inverse` conjugates the kernel
/// and divides by the length; `onesided` keeps the first `⌊n/2⌋ + 1` bins. Output `[…, 2]` (real, imaginary).
/// Computed directly (O(n²)) in Double. Not differentiable.
struct DFTKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "DFT"
    @NodeContext var ctx
    @Attribute var axis = 1
    @Attribute var inverse = false
    @Attribute var onesided = false
    /// The most complex multiply-adds one evaluation may take (the transform is computed directly, O(n²)).
    static let maxWork = 1 << 31

    func validate() throws {
        if inverse && onesided { throw ctx.attributeError("onesided", "cannot be set with inverse") }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        guard x.rank >= 2, let parts = x.shape.last, parts == 1 || parts == 2 else {
            throw ctx.inputError(0, "must end in an axis of 1 (real) or 2 (complex), got \(x.shape)")
        }
        let a = try ctx.axis(axis, rank: x.rank - 1)
        let length = x.shape[a]
        let n = try ctx.optionalIntValues(inputs, 1)?.first ?? length
        guard n > 0 else { throw ctx.inputError(1, "dft_length must be positive, got \(n)") }
        let bins = onesided ? n / 2 + 1 : n
        var outShape = x.shape
        outShape[a] = bins
        outShape[outShape.count - 1] = 2
        let outer = x.shape[0..<a].reduce(1, *)
        let inner = x.shape[(a + 1)..<(x.rank - 1)].reduce(1, *)
        var (out, re, im) = try Self.buffers(
            ctx, outShape, transforms: outer * inner, points: n, bins: bins, work: "the direct transform needs")
        for o in 0..<outer {
            for i in 0..<inner {
                for j in 0..<n {
                    if j < length {
                        let at = ((o * length + j) * inner + i) * parts
                        re[j] = Double(xs[at])
                        im[j] = parts == 2 ? Double(xs[at + 1]) : 0
                    } else {
                        (re[j], im[j]) = (0, 0)
                    }
                }
                Self.transform(re: re, im: im, bins: bins, inverse: inverse, into: &out) { k in
                    ((o * bins + k) * inner + i) * 2
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)])
    }

    /// The zeroed output of `shape` and real/imaginary scratch of `points` values for `transforms` direct
    /// transforms into `bins` bins, once the output size and the work (`work` names it in the error) are
    /// checked against their ceilings.
    static func buffers(
        _ ctx: KernelContext, _ shape: [Int], transforms: Int, points: Int, bins: Int, work: String
    ) throws -> (out: [Float], re: [Double], im: [Double]) {
        try ctx.checkOutput(shape, .float)
        guard Double(transforms) * Double(bins) * Double(points) <= Double(maxWork) else {
            throw ctx.fail("\(work) more than \(maxWork) multiply-adds")
        }
        let scratch = [Double](repeating: 0, count: points)
        return ([Float](repeating: 0, count: shape.reduce(1, *)), scratch, scratch)
    }

    /// Writes the first `bins` coefficients of the DFT of (re, im) to `out` as (real, imaginary) pairs, bin
    /// k's at `offset(k)`.
    static func transform(
        re: [Double], im: [Double], bins: Int, inverse: Bool, into out: inout [Float], at offset: (Int) -> Int
    ) {
        let (yr, yi) = transform(re: re, im: im, bins: bins, inverse: inverse)
        for k in 0..<bins {
            let at = offset(k)
            out[at] = Float(yr[k])
            out[at + 1] = Float(yi[k])
        }
    }

    /// The first `bins` coefficients of the DFT of (re, im); the inverse divides by the length.
    static func transform(re: [Double], im: [Double], bins: Int, inverse: Bool) -> ([Double], [Double]) {
        let n = re.count
        let sign = inverse ? 1.0 : -1.0
        var yr = [Double](repeating: 0, count: bins)
        var yi = [Double](repeating: 0, count: bins)
        for k in 0..<bins {
            var sr = 0.0
            var si = 0.0
            for j in 0..<n {
                let angle = sign * 2 * Double.pi * Double((j * k) % n) / Double(n)
                let (c, s) = (cos(angle), sin(angle))
                sr += re[j] * c - im[j] * s
                si += re[j] * s + im[j] * c
            }
            yr[k] = inverse ? sr / Double(n) : sr
            yi[k] = inverse ? si / Double(n) : si
        }
        return (yr, yi)
    }
}
