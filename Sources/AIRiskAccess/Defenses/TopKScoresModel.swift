import AIRiskTensor

/// Returns only the `k` highest class probabilities and zeroes the rest, as APIs that list
/// "the top k predictions" do (Shokri et al. 2017 §VIII).
///
/// The kept probabilities are *not* renormalised: they are the values the model produced, so
/// top-1 still reveals the winning class's confidence (unlike label-only). Logits are turned into
/// probabilities first. The label is unchanged.
package struct TopKScoresModel: ScoreDefense {
    package let base: any ModelAccess
    package let k: Int

    package init(_ base: any ModelAccess, k: Int) {
        self.base = base
        self.k = max(1, k)
    }

    package var setting: String { "top:\(k)" }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        try requireClassifierScores(out)
        let p = ScoreRows.probabilities(out)
        let w = out.width
        var kept = [Float](repeating: 0, count: p.count)
        var order = [Int](repeating: 0, count: w)
        for r in 0..<out.rows {
            let base = r * w
            for j in 0..<w { order[j] = j }
            // Highest first; equal scores keep class order so the choice is deterministic.
            order.sort { p[base + $0] != p[base + $1] ? p[base + $0] > p[base + $1] : $0 < $1 }
            for j in order.prefix(k) { kept[base + j] = p[base + j] }
        }
        return ScoreRows.defended(out, probabilities: kept)
    }
}
