import Foundation

/// ONNX GridSample (opset 16, 4-D): samples `X` [N, C, H, W] at the normalized (x, y) positions of `grid`
/// [N, H_out, W_out, 2], with `mode` bilinear (default), nearest (half to even) or bicubic (A = −0.75), and
/// `padding_mode` zeros (default), border or reflection; `align_corners` maps −1 and 1 to the corner pixels'
/// centres instead of their outer edges. Follows PyTorch's `grid_sample`, from which the ONNX cases come.
/// Declared not differentiable: graphs through it report no input gradients.
struct GridSampleKernel: ForwardOnlyKernel, AttributedKernel {
    enum Mode: String, AttributeChoice {
        case bilinear, nearest, bicubic
    }

    enum Padding: String, AttributeChoice {
        case zeros, border, reflection
    }

    static let opType = "GridSample"
    @NodeContext var ctx
    @Attribute var mode = Mode.bilinear
    @Attribute("padding_mode") var padding = Padding.zeros
    @Attribute("align_corners") var alignCorners = false

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        let (grid, g) = try ctx.floatInput(inputs, 1)
        guard x.rank == 4 else { throw ctx.inputError(0, "must be 4-D [N, C, H, W], got \(x.shape)") }
        guard grid.rank == 4, grid.shape[0] == x.shape[0], grid.shape[3] == 2 else {
            throw ctx.inputError(1, "must have shape [\(x.shape[0]), H_out, W_out, 2], got \(grid.shape)")
        }
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (ho, wo) = (grid.shape[1], grid.shape[2])
        let outShape = [n, c, ho, wo]
        try ctx.checkOutput(outShape, .float)
        var out = [Float](repeating: 0, count: n * c * ho * wo)
        for b in 0..<n {
            for i in 0..<ho {
                for j in 0..<wo {
                    let o = ((b * ho + i) * wo + j) * 2
                    let gx = unnormalize(Double(g[o]), size: w)
                    let gy = unnormalize(Double(g[o + 1]), size: h)
                    for ch in 0..<c {
                        let base = (b * c + ch) * h * w
                        let v = sample(xs, base: base, h: h, w: w, x: gx, y: gy)
                        out[((b * c + ch) * ho + i) * wo + j] = Float(v)
                    }
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)])
    }

    func unnormalize(_ v: Double, size: Int) -> Double {
        alignCorners ? (v + 1) / 2 * Double(size - 1) : ((v + 1) * Double(size) - 1) / 2
    }

    /// PyTorch's `reflect_coordinates` followed by clipping to the image.
    func reflect(_ v: Double, size: Int) -> Double {
        let (low, high) = alignCorners ? (0.0, Double(size - 1)) : (-0.5, Double(size) - 0.5)
        guard high > low else { return 0 }
        let span = high - low
        let d = abs(v - low)
        let extra = fmod(d, span)
        let flips = (d / span).rounded(.down)
        let r = flips.truncatingRemainder(dividingBy: 2) == 0 ? extra + low : span - extra + low
        return Swift.min(Swift.max(r, 0), Double(size - 1))
    }

    /// A coordinate after the padding mode's clipping or reflection.
    func padded(_ v: Double, size: Int) -> Double {
        switch padding {
        case .border: Swift.min(Swift.max(v, 0), Double(size - 1))
        case .reflection: reflect(v, size: size)
        case .zeros: v
        }
    }

    /// The pixel at integral (row, col), 0 outside the image (checked before any conversion to Int).
    func pixel(_ xs: [Float], base: Int, h: Int, w: Int, row: Double, col: Double) -> Double {
        guard row >= 0, row < Double(h), col >= 0, col < Double(w) else { return 0 }
        return Double(xs[base + Int(row) * w + Int(col)])
    }

    func sample(_ xs: [Float], base: Int, h: Int, w: Int, x rawX: Double, y rawY: Double) -> Double {
        guard rawX.isFinite, rawY.isFinite else { return 0 }
        switch mode {
        case .nearest:
            let x = padded(rawX, size: w).rounded(.toNearestOrEven)
            let y = padded(rawY, size: h).rounded(.toNearestOrEven)
            return pixel(xs, base: base, h: h, w: w, row: y, col: x)
        case .bicubic:
            let x0 = rawX.rounded(.down)
            let y0 = rawY.rounded(.down)
            let wx = cubicWeights(rawX - x0)
            let wy = cubicWeights(rawY - y0)
            var total = 0.0
            for r in 0..<4 {
                var rowSum = 0.0
                let y = padded(y0 - 1 + Double(r), size: h).rounded(.towardZero)
                for k in 0..<4 {
                    let x = padded(x0 - 1 + Double(k), size: w).rounded(.towardZero)
                    rowSum += wx[k] * pixel(xs, base: base, h: h, w: w, row: y, col: x)
                }
                total += wy[r] * rowSum
            }
            return total
        case .bilinear:
            let x = padded(rawX, size: w)
            let y = padded(rawY, size: h)
            let x0 = x.rounded(.down)
            let y0 = y.rounded(.down)
            let (dx, dy) = (x - x0, y - y0)
            let (c0, r0) = (x0, y0)
            return pixel(xs, base: base, h: h, w: w, row: r0, col: c0) * (1 - dx) * (1 - dy)
                + pixel(xs, base: base, h: h, w: w, row: r0, col: c0 + 1) * dx * (1 - dy)
                + pixel(xs, base: base, h: h, w: w, row: r0 + 1, col: c0) * (1 - dx) * dy
                + pixel(xs, base: base, h: h, w: w, row: r0 + 1, col: c0 + 1) * dx * dy
        }
    }

    /// The cubic convolution weights (A = −0.75) of the four taps around a fractional offset `t`.
    func cubicWeights(_ t: Double) -> [Double] {
        let a = -0.75
        func near(_ d: Double) -> Double { ((a + 2) * d - (a + 3)) * d * d + 1 }
        func far(_ d: Double) -> Double { ((a * d - 5 * a) * d + 8 * a) * d - 4 * a }
        return [far(t + 1), near(t), near(1 - t), far(2 - t)]
    }
}
