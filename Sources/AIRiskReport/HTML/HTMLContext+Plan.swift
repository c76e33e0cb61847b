import AIRiskResults
import Foundation

/// The remediation plan: one row per measured defense and finding it was measured against — the severity
/// before and after, the headline figure's change and the utility cost — plus the findings no measured defense
/// lowers. Everything comes from the defenses' measurements in the results; nothing is estimated.
extension HTMLContext {
    /// Whether a defense measurement is the probe's severity rank (0 note … 4 critical), told by its metric ID.
    static func isSeverity(_ m: DefenseMeasurement) -> Bool { m.metricID == .severityRank }

    struct PlanRow {
        var defense: DefenseEvidence
        var probeID: String
        var before: Severity
        var after: Severity
        var figure: DefenseMeasurement?
        /// A query limit's size, parsed from its setting ("query-limit:N").
        var queryLimit: Int?
    }

    var planRows: [PlanRow] {
        var rows: [PlanRow] = []
        for d in results.defenses where d.evidence == .measured {
            for m in d.measurements where Self.isSeverity(m) && m.probeID != "utility" {
                guard let before = Self.severity(rank: m.before), let after = Self.severity(rank: m.after) else {
                    continue
                }
                let figure = d.measurements.first {
                    $0.probeID == m.probeID && !Self.isSeverity($0)
                }
                let setting = Self.setting(of: d)
                let limit = setting.hasPrefix("query-limit:") ? Int(setting.dropFirst("query-limit:".count)) : nil
                rows.append(
                    PlanRow(
                        defense: d, probeID: m.probeID, before: before, after: after, figure: figure, queryLimit: limit)
                )
            }
        }
        // The findings that matter most first, then the defenses that lower them furthest, then the cheapest.
        return rows.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            if x.before != y.before { return x.before > y.before }
            if x.probeID != y.probeID { return x.probeID < y.probeID }
            if x.after != y.after { return x.after < y.after }
            let cx = -(x.defense.utilityChange ?? 0)
            let cy = -(y.defense.utilityChange ?? 0)
            if cx != cy { return cx < cy }
            return a.offset < b.offset
        }.map(\.element)
    }

    static func severity(rank: Double) -> Severity? {
        guard rank.isFinite, rank >= 0, rank < Double(Severity.allCases.count) else { return nil }
        return Severity.allCases[Int(rank.rounded())]
    }

    func probeTitle(_ id: String) -> String {
        if id == "utility" { return t("utilityProbe") }
        return dataText(results.probes.first { $0.id == id }?.title ?? id)
    }

    /// The plan's rows, its "not fixed" list and whether it has anything to show.
    var plan: [String: Any] {
        let rows = planRows
        // The largest measured query limit that still lowers extraction's severity.
        let limits = rows.filter { $0.queryLimit != nil && $0.after < $0.before }
        let recommended = limits.max { ($0.queryLimit ?? 0) < ($1.queryLimit ?? 0) }
        let planRows: [[String: Any]] = rows.map { row in
            var cost: String
            if let u = row.defense.utilityChange {
                cost = fill("planUtility", (u > 0 ? "+" : "") + NumberFormat.short(u * 100))
                if let same = row.defense.measurements.first(where: {
                    $0.probeID == "utility" && $0.metric == "Top label unchanged"
                }) {
                    cost += "; " + fill("planSameLabel", NumberFormat.percent(same.after))
                }
            } else if row.queryLimit != nil {
                cost = t("planQueryCost")
            } else {
                cost = t("planNoUtility")
            }
            var out: [String: Any] = [
                "action": defenseName(row.defense), "finding": probeTitle(row.probeID),
                "before": row.before.rawValue, "beforeLabel": severityLabel(row.before),
                "after": row.after.rawValue, "afterLabel": severityLabel(row.after),
                "figure": row.figure.map {
                    dataText($0.metric) + " " + NumberFormat.figures($0.before, $0.after)
                } ?? "",
                "refs": findingReferences(row.probeID),
                "cost": cost,
            ]
            if let recommended, let n = recommended.queryLimit, row.queryLimit == n, row.probeID == recommended.probeID
            {
                out["recommended"] = fill("planRecommendedLimit", String(n))
            }
            return out
        }
        var unfixed: [[String: String]] = []
        for f in results.findingsBySeverity where f.severity >= .low {
            let tried = rows.filter { $0.probeID == f.probeID }
            let best = tried.map(\.after).min()
            let text: String
            if tried.isEmpty {
                text = fill("planNotMeasured", dataText(f.title))
            } else if let best, best >= f.severity {
                text = fill("planNoneLowers", dataText(f.title), String(tried.count))
            } else {
                continue
            }
            unfixed.append(["severity": f.severity.rawValue, "severityLabel": severityLabel(f.severity), "text": text])
        }
        return [
            "planRows": planRows, "hasPlanRows": !planRows.isEmpty, "unfixed": unfixed, "hasUnfixed": !unfixed.isEmpty,
            "hasPlan": !planRows.isEmpty || !unfixed.isEmpty,
        ]
    }

    /// The catalog entries of the probe's finding, for the plan row: the OWASP ML Top 10 id and the ATLAS technique
    /// (linked to its page), so a reviewer files the action under the requirement it answers.
    func findingReferences(_ probeID: String) -> [[String: String]] {
        guard let f = results.findings.first(where: { $0.probeID == probeID }) else { return [] }
        var refs: [[String: String]] = []
        if let owasp = f.owasp.id.split(separator: " ").first, !owasp.isEmpty {
            refs.append(["id": String(owasp), "title": f.owasp.name])
        }
        if !f.atlas.id.isEmpty {
            refs.append(["id": f.atlas.id, "title": f.atlas.name, "url": ATLASLink.url(f.atlas.id)])
        }
        return refs
    }

    /// A measured defense's name in the report's language.
    func defenseName(_ d: DefenseEvidence) -> String {
        if lang == .ja, let ja = d.nameJA { return ja }
        return d.name
    }
}
