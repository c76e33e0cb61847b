import AIRiskTensor
import Foundation

/// Softens the answer with a temperature T: p′ ∝ p^(1/T), i.e. softmax(z / T) for logits z.
/// T > 1 flattens the confidences the membership attacks threshold on; the ranking, and so the
/// label, is unchanged. T is a parameter of the serving layer, not a retrain.
package struct TemperatureScaledModel: ScoreDefense {
    package let base: any ModelAccess
    package let temperature: Double

    package init(_ base: any ModelAccess, temperature: Double) {
        self.base = base
        self.temperature = temperature
    }

    package var setting: String { "temperature:\(DefenseSetting.format(temperature))" }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        try requireClassifierScores(out)
        let w = out.width
        let invT = 1 / max(temperature, 1e-6)
        var scaled = [Float](repeating: 0, count: out.rows * w)
        // Work in log space from probabilities so saturated rows (p = 1.0) still soften.
        let logP: [Double] =
            out.kind == .logits
            ? out.scores.map { Double($0) }
            : ScoreRows.probabilities(out).map { $0 > 0 ? log(Double($0)) : log(Double(Float.leastNonzeroMagnitude)) }
        for r in 0..<out.rows {
            let base = r * w
            var m = -Double.infinity
            for j in 0..<w { m = max(m, logP[base + j] * invT) }
            var total = 0.0
            var e = [Double](repeating: 0, count: w)
            for j in 0..<w {
                e[j] = exp(logP[base + j] * invT - m)
                total += e[j]
            }
            for j in 0..<w { scaled[base + j] = Float(e[j] / total) }
        }
        return ScoreRows.defended(out, probabilities: scaled)
    }
}
