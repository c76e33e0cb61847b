import AIRiskAccess
import AIRiskTensor
import Foundation

/// Watches every answer the probes receive and counts what should not be there: non-finite scores,
/// and "probabilities" outside [0, 1] or whose rows do not sum to 1. Read after the probes for the
/// assessment's sanity warnings.
final class AnswerAudit: @unchecked Sendable {
    struct Counts: Equatable {
        var rows = 0
        var nonFiniteRows = 0
        var notProbabilityRows = 0
    }

    private let lock = NSLock()
    private var counts = Counts()

    /// Tolerance on the [0, 1] range and on a row's sum.
    static let tolerance: Float = 1e-3

    func record(_ output: ModelOutput, checkProbabilities: Bool) {
        var c = Counts()
        c.rows = output.rows
        if output.width > 0, output.scores.count == output.rows * output.width {
            for i in 0..<output.rows {
                let row = output.row(i)
                if row.contains(where: { !$0.isFinite }) {
                    c.nonFiniteRows += 1
                } else if checkProbabilities, !Self.isProbabilityRow(row) {
                    c.notProbabilityRows += 1
                }
            }
        }
        lock.lock()
        counts.rows += c.rows
        counts.nonFiniteRows += c.nonFiniteRows
        counts.notProbabilityRows += c.notProbabilityRows
        lock.unlock()
    }

    var snapshot: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    static func isProbabilityRow(_ row: ArraySlice<Float>) -> Bool {
        guard row.allSatisfy({ $0 >= -tolerance && $0 <= 1 + tolerance }) else { return false }
        return abs(row.reduce(0, +) - 1) <= tolerance * Float(max(1, row.count))
    }
}

/// A model whose answers pass through an ``AnswerAudit``; when `treatAsScores` is set, answers the
/// model declares as probabilities are passed on as unnormalised scores (logits), because a
/// sanity check showed they are not probabilities.
struct AuditedModel: ModelAccess {
    let base: any ModelAccess
    let audit: AnswerAudit
    let treatAsScores: Bool

    var description: ModelDescription {
        var d = base.description
        if treatAsScores, d.outputKind == .probabilities { d.outputKind = .logits }
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        adjust(try await base.predict(batch))
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        let treat = treatAsScores
        let r = try await base.valueAndInputGradient(batch) { out in
            var o = out
            if treat, o.kind == .probabilities { o.kind = .logits }
            return seed(o)
        }
        return (adjust(r.output), r.gradient)
    }

    private func adjust(_ output: ModelOutput) -> ModelOutput {
        audit.record(output, checkProbabilities: output.kind == .probabilities && !treatAsScores)
        var o = output
        if treatAsScores, o.kind == .probabilities { o.kind = .logits }
        return o
    }
}
