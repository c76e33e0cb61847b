/// The auditor's held-out rows with the target's answers, against which every copy is scored.
struct EvaluationSet: Sendable {
    var inputs: [Float]
    var rows: Int
    var answers: TargetAnswers
    /// True labels, when the data has one per row.
    var trueLabels: [Int]?
    /// True regression targets, when the data has them.
    var trueTargets: [Float]?

    /// The target's first output per row (regressors).
    var targetFirstOutput: [Float] {
        (0..<rows).map { answers.scores[$0 * answers.width] }
    }

    /// Fraction of rows where `labels` agree with the target's labels.
    func fidelity(_ labels: [Int]) -> Double {
        agreement(labels, answers.labels)
    }

    /// Fraction of rows where `labels` agree with the true labels.
    func accuracy(_ labels: [Int]) -> Double? {
        trueLabels.map { agreement(labels, $0) }
    }

    private func agreement(_ a: [Int], _ b: [Int]) -> Double {
        guard !a.isEmpty, a.count == b.count else { return 0 }
        return Double(zip(a, b).filter { $0 == $1 }.count) / Double(a.count)
    }
}
