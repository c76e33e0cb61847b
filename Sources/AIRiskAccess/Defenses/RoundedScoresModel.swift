import AIRiskTensor
import Foundation

/// Rounds every score to `decimals` decimal places (Fredrikson et al. 2015; Tramèr et al. 2016):
/// the answer keeps its ranking but loses the fine confidence differences that membership,
/// inversion and equation-solving extraction read.
///
/// Classifier logits are turned into probabilities first. Rounded probabilities are not
/// renormalised (a service that rounds returns what it rounded). Regression outputs are rounded
/// too. Labels follow the rounded scores, with ties going to the undefended label.
package struct RoundedScoresModel: ScoreDefense {
    package let base: any ModelAccess
    package let decimals: Int

    package init(_ base: any ModelAccess, decimals: Int) {
        self.base = base
        self.decimals = max(0, decimals)
    }

    package var setting: String { "round:\(decimals)" }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        let scale = Float(pow(10.0, Double(decimals)))
        switch out.kind {
        case .regression:
            return ModelOutput(
                kind: .regression, rows: out.rows, scores: out.scores.map { ($0 * scale).rounded() / scale },
                width: out.width, labels: out.labels)
        default:
            try requireClassifierScores(out)
            let p = ScoreRows.probabilities(out).map { ($0 * scale).rounded() / scale }
            return ScoreRows.defended(out, probabilities: p)
        }
    }
}
