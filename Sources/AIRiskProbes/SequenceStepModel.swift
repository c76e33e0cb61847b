import AIRiskAccess
import AIRiskTensor

/// Presents one step of a many-to-many sequence model as a plain classifier, so extraction can distil the leakiest
/// step (seed 004 §3.2.1) and membership inference can attack a step's class scores. Every query still goes through
/// `base`, so its counting and budget apply.
struct SequenceStepModel: ModelAccess {
    let base: any ModelAccess
    let step: Int
    let steps: Int
    let classes: Int

    var description: ModelDescription {
        let b = base.description
        return ModelDescription(
            name: "\(b.name) (step \(step))", inputShape: b.inputShape, outputKind: .probabilities,
            outputWidth: classes, providesInputGradients: false)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        try Self.slice(try await base.predict(batch), step: step, steps: steps, classes: classes, model: base)
    }

    /// Step `step`'s class scores of a sequence answer of `steps` × `classes` values per row, with each row's
    /// predicted class. The scores are read as probabilities when every row's lie in [0, 1] and sum to 1, and as
    /// logits otherwise (an exporter may leave the softmax out of the graph).
    static func slice(
        _ out: ModelOutput, step: Int, steps: Int, classes: Int, model: any ModelAccess
    ) throws -> ModelOutput {
        guard out.width == steps * classes, out.scores.count == out.rows * out.width, step >= 0, step < steps else {
            throw ProbeError.unexpectedAnswer(
                model: model.description.name, expected: "\(steps) steps × \(classes) classes per row",
                found: "a sequence answer of width \(out.width)")
        }
        var scores = [Float](repeating: 0, count: out.rows * classes)
        var labels = [Int](repeating: 0, count: out.rows)
        for r in 0..<out.rows {
            let start = r * out.width + step * classes
            for c in 0..<classes { scores[r * classes + c] = out.scores[start + c] }
            labels[r] = argmax(scores[(r * classes)..<((r + 1) * classes)])
        }
        let probabilities = (0..<out.rows).allSatisfy { r in
            let row = scores[(r * classes)..<((r + 1) * classes)]
            return row.allSatisfy { $0 >= 0 && $0 <= 1 } && abs(row.reduce(0, +) - 1) < 1e-3
        }
        return ModelOutput(
            kind: probabilities ? .probabilities : .logits, rows: out.rows, scores: scores, width: classes,
            labels: labels)
    }
}
