import AIRiskTensor

extension ModelAccess {
    /// The answers for `rows` rows of `rowShape` (flattened in `scalars`), queried `batchRows` rows at a time and
    /// joined in order; a batch answered with another number of rows is a ``ModelAccessError/badOutput(model:reason:)``.
    package func predict(scalars: [Float], rows: Int, rowShape: [Int], batchRows: Int) async throws -> ModelOutput {
        let width = rowShape.reduce(1, *)
        var joined: ModelOutput?
        var start = 0
        let step = max(1, batchRows)
        while start < rows {
            let count = min(step, rows - start)
            let batch = Tensor(
                shape: [count] + rowShape, scalars: Array(scalars[(start * width)..<((start + count) * width)]))
            let out = try await predict(batch)
            guard out.rows == count else {
                throw ModelAccessError.badOutput(
                    model: description.name, reason: "\(out.rows) rows came back for a batch of \(count)")
            }
            if var j = joined {
                j.rows += out.rows
                j.scores += out.scores
                j.labels += out.labels
                joined = j
            } else {
                joined = out
            }
            start += count
        }
        return joined ?? ModelOutput(kind: description.outputKind, rows: 0, scores: [], width: 0, labels: [])
    }
}
