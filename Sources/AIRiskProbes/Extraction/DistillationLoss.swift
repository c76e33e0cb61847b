/// The loss a surrogate is trained with (seed 004 §3.2 and §5.1).
package enum DistillationLoss: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Cross-entropy against the target's predicted label (Copycat CNN).
    case hard
    /// Cross-entropy against the target's scores through a temperature softmax, softmax(a / T), with the
    /// gradient scaled by T² (Hinton et al. 2015). Probabilities are turned into logits with log p.
    case soft(temperature: Float)
    /// μ·L_hard + (1 − μ)·L_soft (seed 004 eq. 5). L_hard uses the true label where the query came from
    /// labelled public data, else the target's label.
    case combined(mu: Float, temperature: Float)
    /// Regression: L_a = ½‖R_s − R_t‖² (seed 004 eq. 2).
    case l2
    /// Regression: L_b0 = ‖R_s − y‖² if ‖R_s − y‖² + m > ‖R_t − y‖², else 0 (seed 004 eq. 3).
    case marginSquared(m: Float)
    /// Regression: L_b = ‖R_s − y‖ if ‖R_s − y‖ + m > ‖R_t − y‖, else 0 (seed 004 eq. 4).
    case margin(m: Float)

    package var description: String {
        switch self {
        case .hard: "hard"
        case .soft(let t): "soft(T=\(Self.short(t)))"
        case .combined(let mu, let t): "combined(μ=\(Self.short(mu)),T=\(Self.short(t)))"
        case .l2: "L2"
        case .marginSquared(let m): "L_b0(m=\(Self.short(m)))"
        case .margin(let m): "L_b(m=\(Self.short(m)))"
        }
    }

    /// Whether the loss is for regression targets.
    package var isRegression: Bool {
        switch self {
        case .l2, .marginSquared, .margin: true
        default: false
        }
    }

    /// Whether the loss needs the target's scores (not only its labels).
    var needsScores: Bool {
        switch self {
        case .soft, .combined: true
        default: false
        }
    }

    private static func short(_ v: Float) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
