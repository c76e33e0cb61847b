import AIRiskResults
import Foundation

/// One probe's headline figure: what the strongest attack measured, its 95 % interval and what a
/// guessing attacker would reach. Every section and format cites this one figure.
package struct LeakageEvidence: Sendable, Equatable {
    /// The figure's stable identity (e.g. ``MetricID/membershipAUC``), carried by its ``metric``.
    package var id: MetricID?
    /// A name that stays the same across runs and defenses, e.g. "TPR at 1 % FPR".
    package var name: String
    package var value: Double
    /// The interval's bounds (both equal to ``value`` when the figure has no interval).
    package var lower: Double
    package var upper: Double
    /// The level a guessing attacker reaches (the FPR, 1/K, the majority-label share).
    package var chance: Double
    /// What the figure rests on: the attack, the sample, the interval method and the chance level.
    package var basis: String
    /// Why the evidence shows nothing beyond public knowledge even above chance (e.g. the non-member
    /// class mean is closer than the reconstructions); nil when there is no such reason.
    package var publicBaseline: String?

    /// (lower − chance) / (1 − chance), at least 0 and 0 when a public baseline does as well: the part
    /// of the way from chance to a perfect attack the data shows with 95 % confidence.
    package var leakage: Double {
        guard publicBaseline == nil, lower.isFinite, chance.isFinite, chance < 1 else { return 0 }
        return max(0, (lower - chance) / (1 - chance))
    }

    /// Whether the interval excludes chance (and no public baseline explains the result).
    package var isMeasurable: Bool { leakage > 0 }

    /// The figure as a results metric (the probe's first metric and the finding's headline).
    package var metric: Metric {
        Metric(
            id: id, name: "Headline: \(name)", value: value, unit: "fraction", ciLow: lower, ciHigh: upper,
            basis: basis + "; chance \(Self.format(chance))" + (publicBaseline.map { "; \($0)" } ?? ""))
    }

    /// "0.123 [0.090, 0.160] (chance 0.010)".
    package var summary: String {
        "\(name) \(Self.format(value)) [\(Self.format(lower)), \(Self.format(upper))] (chance \(Self.format(chance)))"
    }

    static func format(_ v: Double) -> String {
        v.isFinite ? String(format: "%.3f", v) : "\(v)"
    }
}
