import AIRiskResults

/// A probe result scored under a risk policy: likelihood, impact and severity with the evidence
/// behind each.
public struct RiskScore: Sendable, Equatable {
    /// The headline figure the likelihood rests on.
    public var evidence: LeakageEvidence
    /// The 0–9 score the policy's bands gave the evidence's leakage (0 when nothing is measurable).
    public var metricScore: Double
    public var likelihood: RiskFactor
    public var impact: RiskFactor
    public var severity: Severity
    /// The context that adjusted impact, in words, printed next to the verdict.
    public var context: String
    /// How the numbers were combined, in words, for the report.
    public var rationale: String
}
