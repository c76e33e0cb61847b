import AIRiskAccess
import AIRiskTensor

/// The target's answers for a block of rows, validated against its description.
struct TargetAnswers: Sendable {
    var rows: Int
    /// `rows × width` scores; empty for labels-only answers.
    var scores: [Float]
    var width: Int
    /// Predicted labels (classifiers).
    var labels: [Int]

    /// Asks `model` about `count` rows of `inputs` in chunks, reshaping each row to `inputShape`.
    static func ask(
        _ model: any ModelAccess, inputs: [Float], count: Int, inputShape: [Int], chunk: Int = 512
    ) async throws -> TargetAnswers {
        let d = inputShape.reduce(1, *)
        let name = model.description.name
        var all = TargetAnswers(rows: 0, scores: [], width: 0, labels: [])
        var start = 0
        while start < count {
            let n = min(chunk, count - start)
            let batch = Tensor(shape: [n] + inputShape, scalars: Array(inputs[(start * d)..<((start + n) * d)]))
            let out = try await model.predict(batch)
            guard out.rows == n else {
                throw ExtractionError.unexpectedOutput(model: name, reason: "\(out.rows) rows for a batch of \(n)")
            }
            if out.kind != .labels {
                guard out.width > 0, out.scores.count == n * out.width else {
                    throw ExtractionError.unexpectedOutput(
                        model: name, reason: "\(out.scores.count) scores for \(n) rows of width \(out.width)")
                }
            }
            var labels = out.labels
            if labels.count != n, out.kind != .regression, out.kind != .labels, out.width > 0 {
                labels = (0..<n).map { r in
                    out.width == 1
                        ? (out.scores[r] >= (out.kind == .logits ? 0 : 0.5) ? 1 : 0)
                        : argmax(out.scores[(r * out.width)..<((r + 1) * out.width)])
                }
            }
            if out.kind != .regression, labels.count != n {
                throw ExtractionError.unexpectedOutput(model: name, reason: "\(labels.count) labels for \(n) rows")
            }
            all.rows += n
            all.scores += out.scores
            all.width = out.width
            all.labels += labels
            start += n
        }
        return all
    }
}

/// The index of the largest value (first on ties).
func argmax<C: Collection>(_ values: C) -> Int where C.Element: Comparable {
    guard var bestValue = values.first else { return 0 }
    var best = 0
    for (i, v) in values.enumerated() where v > bestValue {
        best = i
        bestValue = v
    }
    return best
}
