import AIRiskCatalog
import AIRiskResults
import Foundation

/// Turns a probe's headline evidence into an OWASP Risk Rating: likelihood from the lower bound of
/// the headline figure above chance (through the policy's bands), impact from the deployment
/// context (declared data sensitivity, exposure, access), severity from the policy's matrix.
///
/// Evidence first: when the headline's interval does not exclude chance, the severity is Note
/// whatever the context.
package struct RiskScorer: Sendable {
    package let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The policy's target FPR for the membership headline.
    package var membershipTargetFPR: Double {
        catalog.policy.probePolicy(for: "membership")?.targetFPR ?? 0.01
    }

    /// Scores `probe` from its headline evidence in `context`.
    package func score(probe: String, evidence: LeakageEvidence, context: ScoringContext) throws -> RiskScore {
        let policy = catalog.policy
        guard let probePolicy = policy.probePolicy(for: probe) else {
            throw AssessmentError.policyGap(
                missing: "rules for probe '\(probe)'", known: policy.probePolicies.map(\.probe))
        }
        guard let risk = catalog.owaspRisk(probePolicy.owasp) else {
            throw AssessmentError.policyGap(missing: "OWASP risk \(probePolicy.owasp) (probe '\(probe)')", known: [])
        }
        guard let sens = policy.sensitivity(context.sensitivity) else {
            throw AssessmentError.policyGap(
                missing: "data sensitivity '\(context.sensitivity.rawValue)'",
                known: policy.sensitivities.map(\.id.rawValue))
        }
        guard let band = probePolicy.metrics.first else {
            throw AssessmentError.policyGap(missing: "leakage bands in the rules for probe '\(probe)'", known: [])
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
        let leakage = evidence.leakage
        let metricScore = evidence.isMeasurable ? Double(band.score(for: leakage) ?? 0) : 0
        let rule = policy.likelihoodRule
        let likelihood =
            (rule.metricWeight * metricScore + rule.factorWeight * factorScore)
            / (rule.metricWeight + rule.factorWeight)

        let exposure = policy.exposure(context.exposure)
        let access = policy.accessLevel(context.access)
        if !policy.exposures.isEmpty, exposure == nil {
            throw AssessmentError.policyGap(
                missing: "exposure '\(context.exposure)'", known: policy.exposures.map(\.id))
        }
        let technical = Double(policy.convertOwasp(risk.technicalImpact.score) ?? risk.technicalImpact.score)
        let ir = policy.impactRule
        let base =
            (ir.sensitivityWeight * Double(sens.score) + ir.technicalWeight * technical)
            / (ir.sensitivityWeight + ir.technicalWeight)
        let adjustment = Double((exposure?.impact ?? 0) + (access?.impact ?? 0))
        let impact = min(max(base + adjustment, Double(policy.scaleMin)), Double(policy.scaleMax))
        guard let lLevel = policy.level(for: likelihood), let iLevel = policy.level(for: impact),
            let matrixSeverity = policy.severity(impact: iLevel, likelihood: lLevel)
        else {
            throw AssessmentError.policyGap(
                missing: "levels or a severity matrix cell for likelihood \(likelihood) and impact \(impact)", known: []
            )
        }
        let severity: Severity = evidence.isMeasurable ? matrixSeverity : .note

        func signed(_ v: Int) -> String { v >= 0 ? "+\(v)" : "\(v)" }
        var contextParts = ["data sensitivity \(sens.id.rawValue) (\(sens.score))"]
        contextParts.append("exposure \(context.exposure)" + (exposure.map { " (\(signed($0.impact)))" } ?? ""))
        contextParts.append("\(context.access) access" + (access.map { " (\(signed($0.impact)))" } ?? ""))
        if ir.technicalWeight > 0 {
            contextParts.append("\(risk.id) technical impact \(risk.technicalImpact.score) → \(Int(technical))")
        }
        let contextText = contextParts.joined(separator: ", ")

        var evidenceText: String
        if evidence.isMeasurable {
            evidenceText =
                "\(evidence.summary): the lower bound is \(Self.format(leakage)) of the way from chance to a "
                + "perfect attack, band score \(Int(metricScore))"
        } else if let baseline = evidence.publicBaseline {
            evidenceText = "\(evidence.summary): no measurable leakage beyond public knowledge (\(baseline))"
        } else {
            evidenceText =
                "\(evidence.summary): no measurable leakage — the 95 % interval does not exclude chance"
        }
        if rule.factorWeight > 0 {
            evidenceText += "; threat-agent and vulnerability factors average \(Self.format(factorScore))"
        }
        let rationale =
            "Evidence: \(evidenceText) [\(evidence.basis)]. Likelihood \(Self.format(likelihood)) "
            + "(\(lLevel.policyName)). Impact \(Self.format(impact)) (\(iLevel.policyName)): \(contextText)."
            + (evidence.isMeasurable ? "" : " Severity is Note because the evidence does not show leakage.")
        return RiskScore(
            evidence: evidence, metricScore: metricScore,
            likelihood: RiskFactor(score: Self.round2(likelihood), level: lLevel),
            impact: RiskFactor(score: Self.round2(impact), level: iLevel),
            severity: severity, context: contextText, rationale: rationale)
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(format: "%.3g", v)
    }
}
