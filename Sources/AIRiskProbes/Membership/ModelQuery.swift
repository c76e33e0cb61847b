import AIRiskAccess
import AIRiskTensor

/// Reading a model's answers.
enum ModelQuery {
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
