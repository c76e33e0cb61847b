import AIRiskAccess
import AIRiskTensor

/// Presents one step of a many-to-many sequence model as a plain classifier, so the leakiest step can be distilled
/// (seed 004 §3.2.1). Every query still goes through `base`, so its counting and budget apply.
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
        let out = try await base.predict(batch)
        guard out.width == steps * classes, out.scores.count == out.rows * out.width else {
            throw ExtractionError.unexpectedOutput(
                model: base.description.name,
                reason: "sequence answer of width \(out.width), expected \(steps) steps × \(classes) classes")
        }
        var scores = [Float](repeating: 0, count: out.rows * classes)
        var labels = [Int](repeating: 0, count: out.rows)
        for r in 0..<out.rows {
            let start = r * out.width + step * classes
            for c in 0..<classes { scores[r * classes + c] = out.scores[start + c] }
            labels[r] = argmax(scores[(r * classes)..<((r + 1) * classes)])
        }
        return ModelOutput(kind: .probabilities, rows: out.rows, scores: scores, width: classes, labels: labels)
    }
}
