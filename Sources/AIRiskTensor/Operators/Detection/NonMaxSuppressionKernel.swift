/// ONNX NonMaxSuppression (opsets 10–11): per batch and class, the boxes kept by greedy selection in order of
/// descending score (ties: lower box index first), dropping a box whose intersection over union with a box
/// already kept exceeds `iou_threshold`, and boxes whose score is not above `score_threshold`; at most
/// `max_output_boxes_per_class` per class (0, the default, keeps none). Boxes are corners `[y1, x1, y2, x2]` in any
/// order, or with `center_point_box = 1` `[x_center, y_center, width, height]`. Output: `[selected, 3]` int64
/// rows of (batch, class, box). Not differentiable.
struct NonMaxSuppressionKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "NonMaxSuppression"
    @NodeContext var ctx
    /// 0: boxes as corners (y1, x1, y2, x2); 1: as centre, width and height.
    @Attribute("center_point_box") var boxFormat = 0

    var centerPointBox: Bool { boxFormat == 1 }

    func validate() throws {
        guard boxFormat == 0 || boxFormat == 1 else {
            throw ctx.attributeError("center_point_box", "must be 0 or 1, got \(boxFormat)")
        }
    }

    /// A box as (ymin, xmin, ymax, xmax).
    struct Box {
        var ymin: Float, xmin: Float, ymax: Float, xmax: Float
        var area: Float { (ymax - ymin) * (xmax - xmin) }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (boxes, b) = try ctx.floatInput(inputs, 0)
        let (scores, s) = try ctx.floatInput(inputs, 1)
        guard boxes.rank == 3, boxes.shape[2] == 4 else {
            throw ctx.inputError(0, "must have shape [batches, boxes, 4], got \(boxes.shape)")
        }
        let (batches, count) = (boxes.shape[0], boxes.shape[1])
        guard scores.rank == 3, scores.shape[0] == batches, scores.shape[2] == count else {
            throw ctx.inputError(1, "must have shape [\(batches), classes, \(count)], got \(scores.shape)")
        }
        let classes = scores.shape[1]
        let maxPerClass = try ctx.optionalIntValues(inputs, 2)?.first ?? 0
        let iouThreshold = try ctx.optionalInput(inputs, 3).map { try ctx.floats($0, input: 3).first ?? 0 } ?? 0
        let scoreThreshold = try ctx.optionalInput(inputs, 4).map { try ctx.floats($0, input: 4).first } ?? nil
        guard (0...1).contains(iouThreshold) else {
            throw ctx.inputError(3, "iou_threshold must be in [0, 1], got \(iouThreshold)")
        }
        var selected: [Int64] = []
        for batch in 0..<batches {
            let list = (0..<count).map { i in box(b, at: (batch * count + i) * 4) }
            for cls in 0..<classes where maxPerClass > 0 {
                let base = (batch * classes + cls) * count
                var candidates = (0..<count).filter { i in scoreThreshold.map { s[base + i] > $0 } ?? true }
                candidates.sort { s[base + $0] > s[base + $1] || (s[base + $0] == s[base + $1] && $0 < $1) }
                var kept: [Int] = []
                for i in candidates where kept.count < maxPerClass {
                    if kept.allSatisfy({ iou(list[$0], list[i]) <= iouThreshold }) { kept.append(i) }
                }
                for i in kept { selected += [Int64(batch), Int64(cls), Int64(i)] }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: [selected.count / 3, 3], int64: selected)])
    }

    func box(_ v: [Float], at o: Int) -> Box {
        if centerPointBox {
            let (xc, yc, w, h) = (v[o], v[o + 1], v[o + 2], v[o + 3])
            return Box(ymin: yc - h / 2, xmin: xc - w / 2, ymax: yc + h / 2, xmax: xc + w / 2)
        }
        return Box(
            ymin: Swift.min(v[o], v[o + 2]), xmin: Swift.min(v[o + 1], v[o + 3]),
            ymax: Swift.max(v[o], v[o + 2]), xmax: Swift.max(v[o + 1], v[o + 3]))
    }

    func iou(_ a: Box, _ b: Box) -> Float {
        let h = Swift.min(a.ymax, b.ymax) - Swift.max(a.ymin, b.ymin)
        let w = Swift.min(a.xmax, b.xmax) - Swift.max(a.xmin, b.xmin)
        guard h > 0, w > 0 else { return 0 }
        let intersection = h * w
        let union = a.area + b.area - intersection
        return union > 0 ? intersection / union : 0
    }
}
