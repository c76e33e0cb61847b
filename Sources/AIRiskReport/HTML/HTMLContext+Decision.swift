import AIRiskResults
import Foundation

/// The decision box at the top of the report and the requirement → pass / fail / not-tested list, drawn from the
/// results document alone: one plain sentence per finding from its headline, what was and was not tested, the
/// assumptions, and ship / block when the document records a gate.
extension HTMLContext {
    var decision: [String: Any] {
        let r = results
        let sentences: [[String: String]] = r.findingsBySeverity.map { f in
            ["severity": f.severity.rawValue, "severityLabel": severityLabel(f.severity), "text": sentence(f)]
        }
        let tested: String = r.probes.filter { $0.status == .ran }.map { dataText($0.title) }.joined(separator: ", ")
        let notTested: [String] = r.probes.filter { $0.status != .ran }.map { p in
            let detail: String = p.status.detail.map { ": " + $0 } ?? ""
            return dataText(p.title) + " (" + t("status." + p.status.state) + detail + ")"
        }
        var assumptions: [String] = [
            t("decisionAccess") + " " + dataText(r.model.accessLevel),
            t("decisionSensitivity") + " " + t("sensitivity." + r.dataSensitivity.rawValue),
            t("decisionProfile") + " " + r.profile,
        ]
        let contexts: [String] = Array(Set(r.findings.compactMap(\.context))).sorted()
        assumptions += contexts.map { t("decisionContext") + " " + dataText($0) }
        var out: [String: Any] = [:]
        out["sentences"] = sentences
        out["tested"] = tested
        out["notTested"] = notTested
        out["assumptions"] = assumptions.joined(separator: " · ")
        out["hasNotTested"] = !notTested.isEmpty
        if let gate = r.gate {
            let blocking = r.findings.filter { $0.severity >= gate }
            let incomplete = !r.anyProbeRan || !r.failedProbes.isEmpty
            let block = !blocking.isEmpty || incomplete
            var reason: String = fill("decisionGate", severityLabel(gate))
            if !blocking.isEmpty { reason += " " + blocking.map { dataText($0.title) }.joined(separator: "; ") }
            if incomplete { reason += " " + t("decisionIncomplete") }
            let verdict: [String: Any] = [
                "block": block, "label": t(block ? "decisionBlock" : "decisionShip"), "reason": reason,
            ]
            out["verdict"] = verdict
        }
        return out
    }

    /// "Membership inference: an attacker with scores access reaches AUC 0.742 [0.70, 0.79] (chance 0.5); at
    /// 1 % of outsiders wrongly flagged, 9 in 100 members are identified." Every number is the finding's headline
    /// or a metric of its probe.
    func sentence(_ f: Finding) -> String {
        let probe = results.probes.first { $0.id == f.probeID }
        var access: String = results.model.accessLevel
        if let assumed = probe?.accessAssumed, !assumed.isEmpty { access = assumed }
        var text: String = fill("decisionAttacker", dataText(probe?.title ?? f.probeID), dataText(access))
        if let h = f.headline {
            let name: String = h.name.replacingOccurrences(of: "Headline: ", with: "")
            text += t("decisionReaches") + " " + dataText(name) + String(format: " %.3f", h.value)
            if let lo = h.ciLow, let hi = h.ciHigh { text += String(format: " [%.3f, %.3f]", lo, hi) }
        } else {
            text += ": " + dataText(f.title)
        }
        if f.severity == .note { text += "; " + t("decisionNoLeak") }
        // The TPR at the policy's FPR (the one the finding's rationale cites), else the probe's first TPR figure.
        let tprs = (probe?.metrics ?? []).filter { $0.targetFPR != nil }
        if let tpr = tprs.first(where: { $0.targetFPR == f.targetFPR }) ?? tprs.first, let rate = tpr.targetFPR {
            let fpr = Self.percent(rate)
            // Whole records per hundred, one decimal below ten (0.025 → 2.5, not a rounded 3).
            let perHundred = tpr.value * 100
            let count =
                perHundred >= 10 || perHundred == perHundred.rounded()
                ? String(Int(perHundred.rounded())) : String(format: "%.1f", perHundred)
            text += "; " + fill("decisionTpr", String(fpr), count)
        }
        return text + " (" + severityLabel(f.severity) + ")."
    }

    /// "1 %" for 0.01, "0.1 %" for 0.001.
    static func percent(_ rate: Double) -> String {
        let v = rate * 100
        return v == v.rounded() ? "\(Int(v)) %" : String(format: "%.1f %%", v)
    }

    /// The label `key` with `{0}`, `{1}`, … replaced by `values`.
    func fill(_ key: String, _ values: String...) -> String {
        var text = t(key)
        for (i, v) in values.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: v) }
        return text
    }

    /// One row per requirement: its label, text, catalog status and outcome.
    var requirementRows: [[String: String]] {
        results.requirementOutcomes.map { row in
            let c = row.requirement
            return [
                "label": c.label, "text": c.text, "probe": probeTitle(c.probeID), "status": dataText(c.status),
                "outcome": row.outcome.rawValue, "outcomeLabel": t("outcome." + row.outcome.rawValue),
                "url": c.url ?? "",
            ]
        }
    }

    /// Every compliance reference of a probe, as "Framework ID" labels.
    func complianceLabels(_ probeID: String) -> String {
        results.compliance.filter { $0.probeID == probeID && $0.kind == .reference }.map(\.label)
            .joined(separator: " · ")
    }
}
