import AIRiskCatalog
import AIRiskResults
import Foundation

/// Turns measured probe metrics into an OWASP Risk Rating: likelihood from the metrics (through
/// the policy's bands) and the threat-agent factors, impact from the declared data sensitivity
/// and the OWASP ML Top 10 technical impact, severity from the policy's matrix.
public struct RiskScorer: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Scores `probe` given its measured metrics (policy metric id → value).
    public func score(probe: String, metrics: [String: Double], sensitivity: String) throws -> RiskScore {
        let policy = catalog.policy
        guard let probePolicy = policy.probePolicy(for: probe) else {
            throw AssessmentError.policy("the policy has no rules for probe '\(probe)'")
        }
        guard let risk = catalog.owaspRisk(probePolicy.owasp) else {
            throw AssessmentError.policy("probe '\(probe)' maps to unknown OWASP risk \(probePolicy.owasp)")
        }
        guard let sens = policy.sensitivity(sensitivity) else {
            let known = policy.sensitivities.map(\.id).joined(separator: ", ")
            throw AssessmentError.policy("data sensitivity '\(sensitivity)' is not in the policy (known: \(known))")
        }
        var factors: [Double] = []
        for f in probePolicy.factorScores {
            if let s = f.score {
                factors.append(Double(s))
            } else if f.derived == .owaspExploitability, let s = policy.convertOwasp(risk.exploitability.score) {
                factors.append(Double(s))
            }
        }
        let factorScore = factors.isEmpty ? 0 : factors.reduce(0, +) / Double(factors.count)

        var evidence: [RiskScore.MetricEvidence] = []
        for m in probePolicy.metrics {
            guard let v = metrics[m.id], v.isFinite, let s = m.score(for: v) else { continue }
            evidence.append(RiskScore.MetricEvidence(id: m.id, name: m.name, value: v, score: s))
        }
        let rule = policy.likelihoodRule
        var metricScore: Double?
        if !evidence.isEmpty {
            let scores = evidence.map { Double($0.score) }
            metricScore =
                rule.combineMetrics == .max ? (scores.max() ?? 0) : scores.reduce(0, +) / Double(scores.count)
        }
        let likelihood: Double
        if let metricScore {
            likelihood =
                (rule.metricWeight * metricScore + rule.factorWeight * factorScore)
                / (rule.metricWeight + rule.factorWeight)
        } else {
            likelihood = factorScore
        }
        let technical = Double(policy.convertOwasp(risk.technicalImpact.score) ?? risk.technicalImpact.score)
        let ir = policy.impactRule
        let impact =
            (ir.sensitivityWeight * Double(sens.score) + ir.technicalWeight * technical)
            / (ir.sensitivityWeight + ir.technicalWeight)
        guard let lLevel = policy.level(for: likelihood), let iLevel = policy.level(for: impact),
            let severity = policy.severity(impact: iLevel, likelihood: lLevel)
        else {
            throw AssessmentError.policy("the policy's levels or severity matrix do not cover these scores")
        }
        let metricText =
            evidence.isEmpty
            ? "no policy metric was measured, so likelihood is the factor score alone"
            : evidence.map { "\($0.name) = \(Self.format($0.value)) → \($0.score)" }.joined(separator: "; ")
        let rationale =
            "Likelihood \(Self.format(likelihood)) (\(lLevel.rawValue)): \(metricText); threat-agent and vulnerability factors average \(Self.format(factorScore)). "
            + "Impact \(Self.format(impact)) (\(iLevel.rawValue)): declared data sensitivity '\(sens.id)' scores \(sens.score), \(risk.id) technical impact \(risk.technicalImpact.score) converts to \(Int(technical))."
        return RiskScore(
            metricScore: metricScore, factorScore: factorScore,
            likelihood: AIRiskResults.RiskFactor(score: Self.round2(likelihood), level: Self.level(lLevel)),
            impact: AIRiskResults.RiskFactor(score: Self.round2(impact), level: Self.level(iLevel)),
            severity: Self.severity(severity), evidence: evidence, rationale: rationale)
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(format: "%.3g", v)
    }

    static func level(_ l: AIRiskCatalog.RiskLevel) -> AIRiskResults.RiskLevel {
        switch l {
        case .low: .low
        case .medium: .medium
        case .high: .high
        }
    }

    static func severity(_ s: AIRiskCatalog.Severity) -> AIRiskResults.Severity {
        switch s {
        case .note: .note
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }
}
