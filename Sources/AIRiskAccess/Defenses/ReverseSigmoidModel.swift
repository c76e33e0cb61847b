import AIRiskTensor
import Foundation

/// The reverse-sigmoid perturbation of Lee et al. 2018 ("Defending against machine learning model
/// stealing attacks using deceptive perturbations"): each probability y becomes
/// α · (y − β · (σ(γ · σ⁻¹(y)) − ½)), clipped at zero, with α renormalising the row.
///
/// β sets the strength, γ the shape of the perturbation; the perturbed scores mislead a copy
/// trained on them (their log-ratios no longer follow the model's logits) while keeping the top
/// label for moderate β. Probabilities are clipped to [10⁻⁶, 1 − 10⁻⁶] before σ⁻¹.
package struct ReverseSigmoidModel: ScoreDefense {
    package let base: any ModelAccess
    package let beta: Double
    package let gamma: Double

    package init(_ base: any ModelAccess, beta: Double = 1, gamma: Double = 0.1) {
        self.base = base
        self.beta = beta
        self.gamma = gamma
    }

    package var setting: String {
        "reverse-sigmoid:\(DefenseSetting.format(beta)):\(DefenseSetting.format(gamma))"
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        try requireClassifierScores(out)
        let p = ScoreRows.probabilities(out)
        var y = [Float](repeating: 0, count: p.count)
        let eps = 1e-6
        for i in 0..<p.count {
            let v = min(max(Double(p[i]), eps), 1 - eps)
            let inverse = log(v / (1 - v))
            let r = beta * (1 / (1 + exp(-gamma * inverse)) - 0.5)
            y[i] = Float(max(Double(p[i]) - r, 0))
        }
        ScoreRows.normalise(&y, rows: out.rows, width: out.width)
        return ScoreRows.defended(out, probabilities: y)
    }
}
