import AIRiskResults

/// A probe result scored under a risk policy: likelihood, impact and severity with the evidence
/// behind each.
public struct RiskScore: Sendable, Equatable {
    /// One measured metric and the 0–9 score the policy's bands gave it.
    public struct MetricEvidence: Sendable, Equatable {
        public var id: String
        public var name: String
        public var value: Double
        public var score: Int
    }

    /// The strongest metric score, nil when no metric the policy lists was measured.
    public var metricScore: Double?
    /// The mean of the OWASP likelihood factor defaults for the probe's threat agent.
    public var factorScore: Double
    public var likelihood: RiskFactor
    public var impact: RiskFactor
    public var severity: Severity
    public var evidence: [MetricEvidence]
    /// How the numbers were combined, in words, for the report.
    public var rationale: String
}
