import Foundation

/// A 95 % interval for an ROC AUC by Hanley & McNeil (1982): the AUC's standard error from the
/// member and non-member counts, under the exponential-score approximation Q1 = A / (2 − A),
/// Q2 = 2A² / (1 + A), and a normal interval A ± z·SE clipped to [0, 1].
///
/// It needs no resampling, so it is deterministic and cheap; for AUCs near 0.5 it agrees with
/// DeLong's interval to a few thousandths at the sample sizes airisk sees (hundreds per side).
package enum AUCInterval {
    /// The interval's bounds for `auc` measured on `positives` members and `negatives` non-members.
    package static func hanleyMcNeil(
        auc: Double, positives: Int, negatives: Int, z: Double = 1.959964
    ) -> (lower: Double, upper: Double) {
        guard auc.isFinite, positives > 0, negatives > 0 else { return (0, 1) }
        let a = min(max(auc, 0), 1)
        let q1 = a / (2 - a)
        let q2 = 2 * a * a / (1 + a)
        let n1 = Double(positives)
        let n2 = Double(negatives)
        let variance = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / (n1 * n2)
        // The exponential approximation's variance vanishes at A = 0 or 1; keep at least the
        // resolution one pair of records gives.
        let se = max(variance, 0).squareRoot()
        let floor = 1 / (n1 * n2)
        return (max(0, a - z * se - floor), min(1, a + z * se + floor))
    }
}
