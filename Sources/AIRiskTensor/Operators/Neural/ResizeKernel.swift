import Foundation

/// ONNX Resize (opset 10+): nearest, (n-)linear and cubic interpolation, applied axis by axis as
/// the ONNX reference does, with every `coordinate_transformation_mode`, `nearest_mode`,
/// `cubic_coeff_a`, `exclude_outside`, `extrapolation_value` (tf_crop_and_resize), `antialias`,
/// `axes` and `keep_aspect_ratio_policy`. Output sizes come from `sizes` or floor(input · scale).
/// Not differentiable.
struct ResizeKernel: ForwardOnlyKernel {
    static let opType = "Resize"
    let ctx: KernelContext
    let opset: Int
    let mode: String
    let transform: String
    let nearestMode: String
    let cubicA: Double
    let excludeOutside: Bool
    let extrapolation: Double
    let antialias: Bool
    let axesAttribute: [Int]?
    let aspectPolicy: String

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        self.opset = opset
        mode = try ctx.string("mode") ?? "nearest"
        guard ["nearest", "linear", "cubic"].contains(mode) else {
            throw ctx.attributeError("mode", "is '\(mode)'; expected nearest, linear or cubic")
        }
        transform = try ctx.string("coordinate_transformation_mode") ?? (opset < 11 ? "asymmetric" : "half_pixel")
        let transforms = [
            "half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners", "asymmetric",
            "tf_crop_and_resize", "tf_half_pixel_for_nn",
        ]
        guard transforms.contains(transform) else {
            throw ctx.attributeError("coordinate_transformation_mode", "is '\(transform)', which ONNX does not define")
        }
        nearestMode = try ctx.string("nearest_mode") ?? (opset < 11 ? "floor" : "round_prefer_floor")
        guard ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"].contains(nearestMode) else {
            throw ctx.attributeError("nearest_mode", "is '\(nearestMode)', which ONNX does not define")
        }
        cubicA = Double(try ctx.float("cubic_coeff_a", default: -0.75))
        excludeOutside = try ctx.flag("exclude_outside")
        extrapolation = Double(try ctx.float("extrapolation_value", default: 0))
        antialias = try ctx.flag("antialias")
        axesAttribute = try ctx.ints("axes")
        aspectPolicy = try ctx.string("keep_aspect_ratio_policy") ?? "stretch"
    }

    /// A present, non-empty optional input.
    func given(_ inputs: [Tensor?], _ index: Int) -> Tensor? {
        guard let t = ctx.optionalInput(inputs, index), t.count > 0 else { return nil }
        return t
    }

    /// The output shape and the scale of every axis. Overflow-checked.
    func plan(_ inputs: [Tensor?], shape: [Int]) throws -> ([Int], [Double]) {
        let rank = shape.count
        let axes = try (axesAttribute ?? Array(0..<rank)).map { try ctx.axis($0, rank: rank) }
        var out = shape
        var scales = [Double](repeating: 1, count: rank)
        let scalesIndex = opset < 11 ? 1 : 2
        if let sizesTensor = opset < 11 ? nil : given(inputs, 3) {
            let sizes = try sizesTensor.asInt64s().map { Int($0) }
            guard sizes.count == axes.count, sizes.allSatisfy({ $0 >= 0 }) else {
                throw ctx.inputError(3, "must hold one non-negative size per axis (\(axes.count))")
            }
            if aspectPolicy == "stretch" {
                for (i, a) in axes.enumerated() {
                    out[a] = sizes[i]
                    scales[a] = Double(sizes[i]) / Double(max(shape[a], 1))
                }
            } else {
                let ratios = axes.enumerated().map { Double(sizes[$0.offset]) / Double(max(shape[$0.element], 1)) }
                let s = aspectPolicy == "not_larger" ? ratios.min() ?? 1 : ratios.max() ?? 1
                for a in axes {
                    out[a] = Int((s * Double(shape[a])).rounded(.toNearestOrAwayFromZero))
                    scales[a] = s
                }
            }
        } else if let scalesTensor = given(inputs, scalesIndex) {
            let given = try scalesTensor.asFloats().map { Double($0) }
            guard given.count == axes.count, given.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw ctx.inputError(scalesIndex, "must hold one positive scale per axis (\(axes.count))")
            }
            for (i, a) in axes.enumerated() {
                scales[a] = given[i]
                let size = (Double(shape[a]) * given[i]).rounded(.down)
                guard size < Double(Int32.max) else { throw ctx.fail("output dimension \(a) is too large") }
                out[a] = Int(size)
            }
        } else {
            throw ctx.fail("needs either scales or sizes")
        }
        guard Shape.checkedCount(out) != nil else { throw ctx.fail("output shape \(out) is too large") }
        try ctx.checkOutput(out, .int64)
        return (out, scales)
    }

    /// The input indices and weights that make output position `x` along one axis; nil means the
    /// extrapolation value (tf_crop_and_resize outside the region).
    func taps(_ x: Int, inSize: Int, outSize: Int, scale: Double, roi: (Double, Double)?) -> [(Int, Double)]? {
        let xd = Double(x)
        let lengthOriginal = Double(inSize)
        let outputWidth = scale * lengthOriginal
        // align_corners and tf_crop_and_resize use the unrounded output length (scale · input), as
        // the ONNX reference does.
        var xo: Double
        switch transform {
        case "align_corners": xo = outputWidth == 1 ? 0 : xd * (lengthOriginal - 1) / (outputWidth - 1)
        case "asymmetric": xo = xd / scale
        case "tf_crop_and_resize":
            let (start, end) = roi ?? (0, 1)
            xo =
                outputWidth == 1
                ? (end - start) * (lengthOriginal - 1) / 2
                : xd * (end - start) * (lengthOriginal - 1) / (outputWidth - 1)
            xo += start * (lengthOriginal - 1)
            if xo < 0 || xo > lengthOriginal - 1 { return nil }
        case "tf_half_pixel_for_nn": xo = (xd + 0.5) / scale
        case "pytorch_half_pixel": xo = outSize == 1 ? -0.5 : (xd + 0.5) / scale - 0.5
        case "half_pixel_symmetric":
            let adjustment = Double(outSize) / outputWidth
            let offset = lengthOriginal / 2 * (1 - adjustment)
            xo = offset + (xd + 0.5) / scale - 0.5
        default: xo = (xd + 0.5) / scale - 0.5
        }
        let integral = xo == xo.rounded(.down)
        let base = integral ? Int(xo) - 1 : Int(xo.rounded(.down))
        let ratio = integral ? 1.0 : xo - Double(base)
        let coefficients = weights(ratio, scale: scale)
        let n = coefficients.count
        let first = base - n / 2 + 1
        var result: [(Int, Double)] = []
        var total = 0.0
        for (k, c) in coefficients.enumerated() {
            let i = first + k
            if excludeOutside && (i < 0 || i >= inSize) { continue }
            result.append((min(max(i, 0), inSize - 1), c))
            total += c
        }
        if excludeOutside && total != 0 { result = result.map { ($0.0, $0.1 / total) } }
        return result
    }

    func weights(_ ratio: Double, scale: Double) -> [Double] {
        switch mode {
        case "nearest":
            if ratio == 1 { return [0, 1] }
            switch nearestMode {
            case "round_prefer_ceil": return ratio < 0.5 ? [1, 0] : [0, 1]
            case "floor": return [1, 0]
            case "ceil": return [0, 1]
            default: return ratio <= 0.5 ? [1, 0] : [0, 1]
            }
        case "linear":
            guard antialias && scale < 1 else { return [1 - ratio, ratio] }
            let start = Int((-1 / scale).rounded(.down)) + 1
            let footprint = 2 - 2 * start
            let c = (start..<(start + footprint)).map { max(0, min(1, 1 - abs((Double($0) - ratio) * scale))) }
            let s = c.reduce(0, +)
            return c.map { $0 / s }
        default:
            let a = cubicA
            if antialias && scale < 1 {
                func coefficient(_ v: Double) -> Double {
                    let x = abs(v)
                    if x <= 1 { return (a + 2) * x * x * x - (a + 3) * x * x + 1 }
                    if x < 2 { return a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a }
                    return 0
                }
                let start = Int((-2 / scale).rounded(.down)) + 1
                let c = (start..<(2 - start)).map { coefficient(scale * (Double($0) - ratio)) }
                let s = c.reduce(0, +)
                return c.map { $0 / s }
            }
            let r1 = ratio + 1
            let q = 1 - ratio
            let q1 = q + 1
            return [
                ((a * r1 - 5 * a) * r1 + 8 * a) * r1 - 4 * a,
                ((a + 2) * ratio - (a + 3)) * ratio * ratio + 1,
                ((a + 2) * q - (a + 3)) * q * q + 1,
                ((a * q1 - 5 * a) * q1 + 8 * a) * q1 - 4 * a,
            ]
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (out, scales) = try plan(inputs, shape: x.shape)
        let rank = x.rank
        var roi: [Double]?
        if transform == "tf_crop_and_resize", opset >= 11, let r = given(inputs, 1) {
            let values = try r.asFloats().map { Double($0) }
            let axes = try (axesAttribute ?? Array(0..<rank)).map { try ctx.axis($0, rank: rank) }
            guard values.count == 2 * axes.count else { throw ctx.inputError(1, "must hold starts and ends per axis") }
            var full = [Double](repeating: 0, count: rank) + [Double](repeating: 1, count: rank)
            for (i, a) in axes.enumerated() {
                full[a] = values[i]
                full[a + rank] = values[i + axes.count]
            }
            roi = full
        }
        var values = xv.map { Double($0) }
        var shape = x.shape
        for axis in stride(from: rank - 1, through: 0, by: -1)
        where out[axis] != shape[axis] || scales[axis] != 1
            || transform == "tf_crop_and_resize"
        {
            let inSize = shape[axis]
            let outSize = out[axis]
            let outer = Shape.product(shape, 0..<axis)
            let inner = Shape.product(shape, (axis + 1)..<rank)
            let region = roi.map { ($0[axis], $0[axis + rank]) }
            let table = (0..<outSize).map {
                inSize == 0 ? [] : taps($0, inSize: inSize, outSize: outSize, scale: scales[axis], roi: region)
            }
            var next = [Double](repeating: 0, count: outer * outSize * inner)
            for o in 0..<outer {
                for (j, entry) in table.enumerated() {
                    let target = (o * outSize + j) * inner
                    guard let entry else {
                        for i in 0..<inner { next[target + i] = extrapolation }
                        continue
                    }
                    for (src, w) in entry where w != 0 {
                        let source = (o * inSize + src) * inner
                        for i in 0..<inner { next[target + i] += w * values[source + i] }
                    }
                }
            }
            values = next
            shape[axis] = outSize
        }
        return KernelOutput(outputs: [Tensor(shape: out, scalars: values.map { Float($0) })])
    }
}
