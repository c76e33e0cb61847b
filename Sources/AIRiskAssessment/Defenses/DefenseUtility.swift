import AIRiskAccess
import AIRiskProbes
import AIRiskTensor

/// What a defense costs the model's legitimate users, measured on the non-member data.
struct DefenseUtility: Sendable {
    /// "Accuracy on non-members" for classifiers, "R² on non-members" for regressors.
    var metric: String
    var value: Double
    /// The predicted label of every row (classifiers).
    var labels: [Int]

    /// Queries `model` on every row of `data` in batches (not counted against any probe budget:
    /// this is the auditor's own check).
    static func measure(_ model: any ModelAccess, on data: LabeledData) async throws -> DefenseUtility {
        let desc = model.description
        let width = data.rowWidth
        let scalars = data.scalars
        var labels: [Int] = []
        var scores: [Float] = []
        var outWidth = 0
        var start = 0
        while start < data.count {
            let n = min(512, data.count - start)
            let batch = Tensor(
                shape: [n] + desc.inputShape, scalars: Array(scalars[(start * width)..<((start + n) * width)]))
            let out = try await model.predict(batch)
            outWidth = out.width
            scores += out.scores
            if out.labels.count == out.rows {
                labels += out.labels
            } else {
                labels += (0..<out.rows).map { r in
                    let row = out.row(r)
                    var top = row.startIndex
                    for j in row.indices where row[j] > row[top] { top = j }
                    return top - row.startIndex
                }
            }
            start += n
        }
        if desc.outputKind == .regression {
            let targets = data.targets ?? []
            return DefenseUtility(
                metric: "R² on non-members", value: rSquared(scores, width: outWidth, targets: targets), labels: [])
        }
        let correct = zip(labels, data.labels).filter { $0 == $1 }.count
        return DefenseUtility(
            metric: "Accuracy on non-members", value: data.count > 0 ? Double(correct) / Double(data.count) : 0,
            labels: labels)
    }

    /// R² of the first output against the targets (every output when there is one target per value).
    static func rSquared(_ predicted: [Float], width: Int, targets: [Float]) -> Double {
        guard width > 0, !targets.isEmpty else { return 0 }
        let rows = predicted.count / width
        let perValue = targets.count == predicted.count
        let y: [Double] = perValue ? targets.map(Double.init) : targets.prefix(rows).map(Double.init)
        let p: [Double] =
            perValue ? predicted.map(Double.init) : (0..<min(rows, y.count)).map { Double(predicted[$0 * width]) }
        guard y.count == p.count, !y.isEmpty else { return 0 }
        let mean = y.reduce(0, +) / Double(y.count)
        let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let residual = zip(y, p).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return total > 0 ? 1 - residual / total : 0
    }
}
