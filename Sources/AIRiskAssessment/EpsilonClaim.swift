import AIRiskResults
import Foundation

/// A differential-privacy claim (`--claimed-epsilon`) held against the membership attacks' empirical ε lower
/// bound: an attack whose TPR and FPR bounds imply ε above the claim refutes it; a bound below the claim is only
/// consistent with it (an audit by attack can refute a DP guarantee, never prove one).
struct EpsilonClaim {
    var claimed: Double

    /// A warning when the claim is refuted or cannot be checked, and a note for the membership probe otherwise.
    func check(_ probes: [ProbeResult]) -> (warnings: [String], note: String?) {
        let claim = "the claimed differential privacy ε = \(Self.format(claimed))"
        guard let membership = probes.first(where: { $0.id == ProbeKind.membership.rawValue }),
            case .ran = membership.status
        else {
            return (["\(claim) was not checked: it is held against the membership probe, which did not run"], nil)
        }
        guard let bound = membership.metrics.first(where: { $0.id == .membershipEpsilon }) else {
            return (["\(claim) was not checked: the membership probe measured no ε lower bound"], nil)
        }
        let basis = bound.basis.map { " (\($0))" } ?? ""
        if bound.value > claimed {
            return (
                [
                    "\(claim) is refuted: the membership attacks show ε ≥ \(Self.format(bound.value)) at 95 % "
                        + "confidence\(basis); the model leaks more than a mechanism with that ε can, so check how ε "
                        + "was accounted (sampling rate, epochs, clipping) or whether the released model is the one "
                        + "that was trained privately"
                ], nil
            )
        }
        return (
            [],
            "\(claim) is consistent with the measurement: the empirical ε lower bound is "
                + "\(Self.format(bound.value))\(basis), not above the claim (an attack can refute a DP claim, never "
                + "confirm it)"
        )
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(format: "%.0f", v) : String(format: "%.3g", v)
    }
}
