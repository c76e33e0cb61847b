import AIRiskAccess
import AIRiskTensor

/// Queries a model on many rows in batches and joins the answers.
enum ModelQuery {
    static func predict(
        _ model: any ModelAccess, scalars: [Float], rows: Int, rowShape: [Int], batchRows: Int
    ) async throws -> ModelOutput {
        let width = rowShape.reduce(1, *)
        var joined: ModelOutput?
        var start = 0
        let step = max(1, batchRows)
        while start < rows {
            let count = min(step, rows - start)
            let batch = Tensor(
                shape: [count] + rowShape, scalars: Array(scalars[(start * width)..<((start + count) * width)]))
            let out = try await model.predict(batch)
            guard out.rows == count else {
                throw ModelAccessError.badOutput(
                    model: model.description.name, reason: "\(out.rows) rows came back for a batch of \(count)")
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
        return joined ?? ModelOutput(kind: model.description.outputKind, rows: 0, scores: [], width: 0, labels: [])
    }

    /// The predicted label of every row: the model's labels, or the argmax of its scores.
    static func labels(_ output: ModelOutput) -> [Int] {
        if output.labels.count == output.rows { return output.labels }
        return (0..<output.rows).map { r in
            let row = output.row(r)
            var top = row.startIndex
            for j in row.indices where row[j] > row[top] { top = j }
            return top - row.startIndex
        }
    }
}
