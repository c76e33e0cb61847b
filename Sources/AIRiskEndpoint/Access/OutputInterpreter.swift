import AIRiskAccess

/// Decides from a few answers what an endpoint gives away: probabilities, logits (or other
/// unnormalised scores), one regression value, or labels only.
enum OutputInterpreter {
    /// Tolerance on a row's sum for probabilities; generous enough for answers rounded to a few decimals.
    static let sumTolerance: Float = 0.02

    static func kind(of answer: Answer) -> (kind: OutputKind, width: Int) {
        switch answer {
        case .labels: return (.labels, 0)
        case .scores(let values, let width):
            if width == 1 { return (.regression, 1) }
            let rows = values.count / max(width, 1)
            var probabilities = rows > 0
            for r in 0..<rows where probabilities {
                var sum: Float = 0
                for v in values[(r * width)..<((r + 1) * width)] {
                    guard v.isFinite, v >= -1e-6, v <= 1 + 1e-6 else {
                        probabilities = false
                        break
                    }
                    sum += v
                }
                if abs(sum - 1) > sumTolerance { probabilities = false }
            }
            return (probabilities ? .probabilities : .logits, width)
        }
    }
}
