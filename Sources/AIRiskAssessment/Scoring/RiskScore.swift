import AIRiskResults

/// A probe result scored under a risk policy: likelihood, impact and severity with the evidence
/// behind each.
package struct RiskScore: Sendable, Equatable {
    /// The headline figure the likelihood rests on.
    package var evidence: LeakageEvidence
    /// The 0–9 score the policy's bands gave the evidence's leakage (0 when nothing is measurable).
    package var metricScore: Double
    package var likelihood: RiskFactor
    package var impact: RiskFactor
    package var severity: Severity
    /// The context that adjusted impact, in words, printed next to the verdict.
    package var context: String
    /// How the numbers were combined, in words, for the report.
    package var rationale: String
}
