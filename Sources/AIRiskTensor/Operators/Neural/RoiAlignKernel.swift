import Foundation

/// ONNX RoiAlign (opsets 10–16): for each region `[x1, y1, x2, y2]` of `rois` (scaled by `spatial_scale`, shifted
/// by half a pixel with `coordinate_transformation_mode` half_pixel, the default from 16), an
/// `output_height × output_width` grid of bins, each the average (`mode` avg) or maximum (`mode` max, of the
/// weighted corner values, as onnxruntime does) of bilinear samples on a `sampling_ratio` grid (adaptive
/// `⌈bin size⌉` when 0) of the image `batch_indices` names. Output `[rois, C, output_height, output_width]`.
/// Not differentiable.
struct RoiAlignKernel: ForwardOnlyKernel, AttributedKernel {
    enum Mode: String, AttributeChoice {
        case avg, max
    }

    enum Transform: String, AttributeChoice {
        case halfPixel = "half_pixel", outputHalfPixel = "output_half_pixel"
    }

    static let opType = "RoiAlign"
    @NodeContext var ctx
    @Opset var opset
    @Attribute var mode = Mode.avg
    @Attribute("output_height") var outputHeight = 1
    @Attribute("output_width") var outputWidth = 1
    @Attribute("sampling_ratio") var samplingRatio = 0
    @Attribute("spatial_scale") var spatialScale: Float = 1
    @Attribute("coordinate_transformation_mode") var transform: Transform? = nil

    var maxMode: Bool { mode == .max }
    /// Whether coordinates shift by half a pixel: the default from opset 16.
    var halfPixel: Bool { (transform ?? (opset >= 16 ? .halfPixel : .outputHalfPixel)) == .halfPixel }

    func validate() throws {
        guard outputHeight > 0, outputWidth > 0 else {
            throw ctx.attributeError("output_height", "output_height and output_width must be positive")
        }
        guard samplingRatio >= 0 else { throw ctx.attributeError("sampling_ratio", "must not be negative") }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        let (rois, r) = try ctx.floatInput(inputs, 1)
        let batchIndex = try ctx.intValues(inputs, 2)
        guard x.rank == 4, x.shape[2] > 0, x.shape[3] > 0 else {
            throw ctx.inputError(0, "must be [N, C, H, W] with H, W > 0, got \(x.shape)")
        }
        guard rois.rank == 2, rois.shape[1] == 4 else {
            throw ctx.inputError(1, "must be [rois, 4], got \(rois.shape)")
        }
        let count = rois.shape[0]
        guard batchIndex.count == count else { throw ctx.inputError(2, "must hold one batch index per roi") }
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let outShape = [count, c, outputHeight, outputWidth]
        try ctx.checkOutput(outShape, .float)
        var out = [Float](repeating: 0, count: outShape.reduce(1, *))
        let offset = halfPixel ? 0.5 : 0
        for k in 0..<count {
            let b = batchIndex[k]
            guard b >= 0 && b < n else { throw ctx.inputError(2, "batch index \(b) is outside 0..<\(n)") }
            let scale = Double(spatialScale)
            let startW = Double(r[k * 4]) * scale - offset
            let startH = Double(r[k * 4 + 1]) * scale - offset
            var roiW = Double(r[k * 4 + 2]) * scale - offset - startW
            var roiH = Double(r[k * 4 + 3]) * scale - offset - startH
            if !halfPixel {
                roiW = Swift.max(roiW, 1)
                roiH = Swift.max(roiH, 1)
            }
            let binH = roiH / Double(outputHeight)
            let binW = roiW / Double(outputWidth)
            guard binH.isFinite, binW.isFinite, abs(binH) < 1e6, abs(binW) < 1e6 else {
                throw ctx.inputError(1, "roi \(k) is not finite or too large")
            }
            let gridH = samplingRatio > 0 ? samplingRatio : Int(binH.rounded(.up))
            let gridW = samplingRatio > 0 ? samplingRatio : Int(binW.rounded(.up))
            guard Double(gridH) * Double(gridW) * Double(c * outputHeight * outputWidth) <= Double(1 << 31) else {
                throw ctx.fail("roi \(k) needs more than 2^31 bilinear samples (sampling_ratio / roi size)")
            }
            let samples = Double(Swift.max(gridH * gridW, 1))
            for ch in 0..<c {
                let base = (b * c + ch) * h * w
                for ph in 0..<outputHeight {
                    for pw in 0..<outputWidth {
                        var acc = 0.0
                        var best = -Double.infinity
                        for iy in 0..<Swift.max(gridH, 0) {
                            let y = startH + Double(ph) * binH + (Double(iy) + 0.5) * binH / Double(gridH)
                            for ix in 0..<Swift.max(gridW, 0) {
                                let xx = startW + Double(pw) * binW + (Double(ix) + 0.5) * binW / Double(gridW)
                                let terms = bilinear(xs, base: base, h: h, w: w, y: y, x: xx)
                                acc += terms.reduce(0, +)
                                best = Swift.max(best, terms.max() ?? 0)
                            }
                        }
                        let v = maxMode ? (best.isFinite ? best : 0) : acc / samples
                        out[((k * c + ch) * outputHeight + ph) * outputWidth + pw] = Float(v)
                    }
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)])
    }

    /// The sample indices below and above `position` (clamped at 0) along an axis of `size`, and the
    /// position; past the last index both are the last index and so is the position.
    static func neighbours(_ position: Double, size: Int) -> (low: Int, high: Int, position: Double) {
        let p = Swift.max(position, 0)
        let low = Int(p)
        guard low < size - 1 else { return (size - 1, size - 1, Double(size - 1)) }
        return (low, low + 1, p)
    }

    /// The four weighted corner values of a bilinear sample (all 0 outside [−1, size]).
    func bilinear(_ xs: [Float], base: Int, h: Int, w: Int, y rawY: Double, x rawX: Double) -> [Double] {
        guard rawY >= -1, rawY <= Double(h), rawX >= -1, rawX <= Double(w) else { return [0, 0, 0, 0] }
        let (yLow, yHigh, y) = Self.neighbours(rawY, size: h)
        let (xLow, xHigh, x) = Self.neighbours(rawX, size: w)
        let (ly, lx) = (y - Double(yLow), x - Double(xLow))
        let (hy, hx) = (1 - ly, 1 - lx)
        func v(_ r: Int, _ c: Int) -> Double { Double(xs[base + r * w + c]) }
        return [hy * hx * v(yLow, xLow), hy * lx * v(yLow, xHigh), ly * hx * v(yHigh, xLow), ly * lx * v(yHigh, xHigh)]
    }
}
