import AIRiskResults
import Foundation

/// Turns a results document into the dictionary the mustache template reads. Plain strings are escaped by the
/// template engine; only the SVG charts (built and escaped here) are inserted raw.
struct HTMLContext {
    let results: AssessmentResults
    let options: HTMLReport.Options

    var lang: ReportLanguage { options.language }

    func t(_ key: String) -> String { ReportStrings.label(key, lang) }

    func severityLabel(_ s: Severity) -> String { t("severity." + s.rawValue) }

    func build() -> [String: Any] {
        let r = results
        var context: [String: Any] = [
            "lang": lang.rawValue,
            "t": ReportStrings.all(lang),
            "toolName": r.tool.name,
            "toolVersion": r.tool.version,
            "generatedAt": ISO8601DateFormatter.string(
                from: r.generatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current,
                formatOptions: [.withInternetDateTime]),
            "seed": String(r.seed),
            "profile": r.profile,
            "dataSensitivityLabel": t("sensitivity." + r.dataSensitivity.rawValue),
            "overall": ["severity": r.overallSeverity.rawValue, "label": severityLabel(r.overallSeverity)],
            "counts": Severity.allCases.reversed().map { s in
                [
                    "severity": s.rawValue, "label": severityLabel(s),
                    "count": String(r.findings.filter { $0.severity == s }.count),
                ]
            },
            "hasFindings": !r.findings.isEmpty,
            "topFindings": r.findingsBySeverity.prefix(10).map(finding),
            "decision": decision,
            "requirements": requirementRows,
            "hasRequirements": !r.compliance.isEmpty,
            "legend": legend,
            "matrix": matrix,
            "probes": r.probes.map(probe),
            "defenses": r.defenses.map(defense),
            "hasProbes": !r.probes.isEmpty,
            "definitions": r.definitions.map { d -> [String: Any] in
                var e: [String: Any] = ["term": d.term, "text": d.text, "anchor": Self.anchor(d.term)]
                if lang == .ja, let ja = ReportStrings.definitionsJA[d.term] {
                    e["term"] = ja.term == d.term ? d.term : "\(ja.term) (\(d.term))"
                    e["text"] = ja.text
                } else if lang == .ja {
                    e["english"] = true
                }
                if let ref = d.reference { e["reference"] = ref }
                return e
            },
            "model": model,
            "budgets": r.budgets.map { ["name": $0.name, "value": NumberFormat.short($0.value)] },
            "environment": [
                "os": r.environment.operatingSystem, "cpus": String(r.environment.cpuCount),
                "swift": r.environment.swiftVersion,
            ],
            "dataSets": r.dataSets.map {
                [
                    "role": t("role." + $0.role.rawValue), "file": $0.file, "rows": String($0.rows),
                    "features": String($0.features), "sha256": $0.sha256,
                ]
            },
        ]
        if case .incomplete(let error) = r.status {
            context["incomplete"] = true
            context["error"] = error
        }
        context["warnings"] = r.warnings.map { ["text": $0] }
        if let chart = defenseChart { context["defenseChart"] = chart }
        context.merge(plan) { a, _ in a }
        if let baseline = baselineSection { context["baseline"] = baseline }
        return context
    }

    var model: [String: Any] {
        let m = results.model
        var out: [String: Any] = [
            "name": m.name, "sourceKind": m.sourceKind.rawValue, "location": m.location, "sha256": m.sha256 ?? "—",
            "producer": m.producer ?? "—", "operators": m.operators.joined(separator: ", "),
            "inputShape": "[" + m.inputShape.map { $0.map(String.init) ?? "?" }.joined(separator: ", ") + "]",
            "outputKind": m.outputKind, "accessLevel": m.accessLevel,
        ]
        if let opset = m.opset { out["opset"] = String(opset) }
        return out
    }

    func stageName(_ id: String) -> String {
        guard let s = results.matrix.stages.first(where: { $0.id == id }) else { return id }
        return lang == .ja ? (s.nameJA ?? s.name) : s.name
    }

    func className(_ id: String) -> String {
        guard let c = results.matrix.classes.first(where: { $0.id == id }) else { return id }
        return lang == .ja ? (c.nameJA ?? c.name) : c.name
    }

    func entryName(_ e: MatrixEntry) -> String { lang == .ja ? (e.nameJA ?? e.name) : e.name }

    func finding(_ f: Finding) -> [String: Any] {
        var out: [String: Any] = [
            "id": f.id, "title": dataText(f.title), "severity": f.severity.rawValue,
            "severityLabel": severityLabel(f.severity), "rationale": dataText(f.rationale),
            "cell": stageName(f.stageID) + " × " + className(f.classID),
            "owasp": f.owasp.id + " " + f.owasp.name, "atlas": f.atlas.id + " " + f.atlas.name,
            "likelihood": NumberFormat.short(f.likelihood.score) + " ("
                + t("sensitivity." + f.likelihood.level.rawValue) + ")",
            "impact": NumberFormat.short(f.impact.score) + " (" + t("sensitivity." + f.impact.level.rawValue) + ")",
        ]
        if let c = f.context { out["context"] = dataText(c) }
        let references = complianceLabels(f.probeID)
        if !references.isEmpty { out["references"] = references }
        if let h = f.headline {
            // Three decimals, as the rationale and the terminal summary cite it.
            var text =
                dataText(h.name.replacingOccurrences(of: "Headline: ", with: "")) + String(format: " %.3f", h.value)
            if let lo = h.ciLow, let hi = h.ciHigh {
                text += String(format: " [%.3f, %.3f]", lo, hi)
            }
            out["headline"] = text
        }
        return out
    }

    var legend: [[String: String]] {
        Severity.allCases.reversed().map { ["cssClass": "cell-sev-" + $0.rawValue, "label": severityLabel($0)] } + [
            ["cssClass": "cell-clear", "label": t("assessedClear")],
            ["cssClass": "cell-not-assessed", "label": t("notAssessed")],
            ["cssClass": "cell-na", "label": t("notApplicable")],
        ]
    }

    var matrix: [String: Any] {
        let m = results.matrix
        let rows: [[String: Any]] = m.stages.map { stage in
            let cells: [[String: Any]] = m.classes.map { cls in
                guard let cell = m.cell(stageID: stage.id, classID: cls.id) else { return ["na": true] }
                let found = results.findingsBySeverity.filter { $0.stageID == stage.id && $0.classID == cls.id }
                let worst = found.map(\.severity).max()
                let cssClass: String
                let label: String
                if let worst {
                    cssClass = "cell-sev-" + worst.rawValue
                    label = severityLabel(worst)
                } else if cell.isAssessed {
                    cssClass = "cell-clear"
                    label = t("assessedClear")
                } else {
                    cssClass = "cell-not-assessed"
                    label = t("notAssessed")
                }
                return [
                    "na": false, "cssClass": cssClass, "label": label,
                    "hasFindings": !found.isEmpty,
                    "findings": found.map {
                        [
                            "title": dataText($0.title), "severity": $0.severity.rawValue,
                            "severityLabel": severityLabel($0.severity),
                        ]
                    },
                    "assessed": cell.isAssessed || !found.isEmpty,
                    "assessedBy": cell.assessedBy.joined(separator: ", "),
                    "hasTechniques": !cell.techniques.isEmpty,
                    "techniques": cell.techniques.map(entryName).joined(separator: ", "),
                    "hasDefenses": !cell.defenses.isEmpty,
                    "defenses": cell.defenses.map(entryName).joined(separator: ", "),
                ]
            }
            return ["stage": lang == .ja ? (stage.nameJA ?? stage.name) : stage.name, "cells": cells]
        }
        // Findings whose cell is missing from the snapshot are still shown, under the table.
        let unplaced = results.findingsBySeverity.filter { m.cell(stageID: $0.stageID, classID: $0.classID) == nil }
        return [
            "classes": m.classes.map { ["name": lang == .ja ? ($0.nameJA ?? $0.name) : $0.name] },
            "rows": rows,
            "hasUnplaced": !unplaced.isEmpty,
            "unplaced": unplaced.map(finding),
        ]
    }

    func probe(_ p: ProbeResult) -> [String: Any] {
        var queries = "\(p.queries.calls) \(t("calls")) / \(p.queries.rows) \(t("queryRows"))"
        if p.queries.gradientCalls > 0 { queries += " / \(p.queries.gradientCalls) \(t("gradientCalls"))" }
        if let budget = p.queries.budget { queries += " (\(t("budget")) \(budget))" }
        let marks = Self.scoredFPRs(p)
        var charts: [[String: String]] = []
        var moreCharts: [[String: String]] = []
        for curve in p.curves {
            let shown = translated(focused(curve, probe: p))
            charts.append([
                "svg": LineChartSVG.render(shown, randomLabel: t("random"), marks: curve.diagonal ? marks : [])
            ])
            if shown.series.count < curve.series.count {
                moreCharts.append([
                    "svg": LineChartSVG.render(
                        translated(curve), randomLabel: t("random"), marks: curve.diagonal ? marks : [])
                ])
            }
        }
        charts += p.histograms.map { ["svg": HistogramSVG.render(translated($0), countLabel: t("count"))] }
        let images = p.images.map(image)
        var out: [String: Any] = [
            "id": p.id, "title": dataText(p.title), "statusLabel": t("status." + p.status.state),
            "access": dataText(p.accessAssumed),
            "queries": queries, "wallTime": NumberFormat.duration(p.wallTimeSeconds), "seed": String(p.seed),
            "hasMetrics": !p.metrics.isEmpty,
            "metrics": p.metrics.map { m -> [String: String] in
                var ci = ""
                if let lo = m.ciLow, let hi = m.ciHigh { ci = "[\(NumberFormat.short(lo)), \(NumberFormat.short(hi))]" }
                var row = [
                    "name": dataText(m.name), "value": value(m), "ci": ci,
                    "basis": m.basis.map(dataText) ?? "",
                ]
                if let anchor = definitionAnchor(m.name) { row["anchor"] = anchor }
                return row
            },
            "hasCharts": !charts.isEmpty, "charts": charts,
            "hasMoreCharts": !moreCharts.isEmpty, "moreCharts": moreCharts,
            "hasImages": !images.isEmpty, "images": images,
            "imagesTitle": ReportStrings.table["images." + p.id] != nil ? t("images." + p.id) : t("images"),
            "tables": p.tables.map { table -> [String: Any] in
                let long = table.rows.count > TableCSV.rowLimit
                let rows = long ? Array(table.rows.prefix(TableCSV.shownRows)) : table.rows
                var out: [String: Any] = [
                    "title": dataText(table.title), "columns": table.columns.map(dataText),
                    "rows": rows.map { row in
                        [
                            "cells": row.map { cell -> [String: Any] in
                                switch cell {
                                case .text(let s): ["value": dataText(s), "num": false]
                                case .number(let n): ["value": NumberFormat.short(n), "num": true]
                                }
                            }
                        ]
                    },
                ]
                if long {
                    out["csv"] = fill(
                        "csvNote", String(rows.count), String(table.rows.count),
                        TableCSV.fileName(probeID: p.id, title: table.title))
                }
                return out
            },
            "hasNotes": !p.notes.isEmpty, "notes": p.notes.map(dataText),
        ]
        if let detail = p.status.detail { out["detail"] = dataText(detail) }
        if let text = identifiable(p) { out["identifiable"] = text }
        return out
    }

    /// A metric's value with its unit; a fraction reads as a number and a percentage ("0.025 (2.5 %)").
    func value(_ m: Metric) -> String {
        if m.unit == "fraction" && m.value.isFinite {
            return NumberFormat.short(m.value) + " (" + NumberFormat.percent(m.value) + ")"
        }
        return NumberFormat.withUnit(m.value, m.unit.map(dataText))
    }

    func image(_ i: ImageArtifact) -> [String: Any] {
        var out: [String: Any] = [
            "title": dataText(i.title), "caption": dataText(i.caption), "width": String(i.width),
            "height": String(i.height),
        ]
        if let label = i.classLabel { out["classLabel"] = label }
        switch i.content {
        case .png(let data):
            out["src"] = "data:image/png;base64," + data.base64EncodedString()
        case .file(let path):
            out["file"] = path
            if let dir = options.resourceDirectory, !path.hasPrefix("/"), !path.contains(".."),
                let data = try? Data(contentsOf: dir.appendingPathComponent(path)), Self.isPNG(data)
            {
                out["src"] = "data:image/png;base64," + data.base64EncodedString()
            }
        }
        return out
    }

    static func isPNG(_ data: Data) -> Bool {
        data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func defense(_ d: DefenseEvidence) -> [String: Any] {
        var out: [String: Any] = [
            "name": d.name, "cell": stageName(d.stageID) + " × " + className(d.classID),
            "evidence": d.evidence.rawValue, "evidenceLabel": t("evidence." + d.evidence.rawValue),
            "measurements": d.measurements.map {
                "\(probeTitle($0.probeID)) \(dataText($0.metric)): \(NumberFormat.short($0.before)) → "
                    + NumberFormat.short($0.after)
            }.joined(separator: "; "),
            "utility": d.utilityChange.map { ($0 > 0 ? "+" : "") + NumberFormat.short($0) } ?? "",
            "source": d.source ?? "",
        ]
        if let ja = d.nameJA {
            // The Japanese report shows the Japanese name alone; the English one adds it as a second line.
            if lang == .ja {
                out["name"] = ja
            } else {
                out["nameJA"] = ja
            }
        }
        if let notes = d.notes { out["notes"] = dataText(notes) }
        return out
    }

    /// Before/after bars for the measured defenses, or nil when none was measured: one chart per probe (and one
    /// for utility), each comparing that probe's first headline figure across the defenses, labelled by setting.
    /// Severity changes (a 0–4 scale) stay in the table.
    var defenseChart: String? {
        let measured = results.defenses.filter { $0.evidence == .measured }
        var keys: [(probe: String, id: MetricID?, metric: String)] = []
        for d in measured {
            for m in d.measurements where m.metricID != .severityRank {
                if !keys.contains(where: { $0.probe == m.probeID }) { keys.append((m.probeID, m.metricID, m.metric)) }
            }
        }
        guard !keys.isEmpty else { return nil }
        let charts = keys.map { key -> String in
            let groups = measured.compactMap { d -> BarChartSVG.Group? in
                guard let m = d.measurements.first(where: { $0.probeID == key.probe && $0.metricID == key.id })
                else { return nil }
                return BarChartSVG.Group(label: Self.setting(of: d), values: [m.before, m.after])
            }
            return BarChartSVG.render(
                title: "\(probeTitle(key.probe)): \(dataText(key.metric))", yLabel: t("value"),
                seriesNames: [t("before"), t("after")], groups: groups,
                chance: Self.chance(of: key.metric).map { ($0, t("random")) })
        }
        return charts.joined(separator: "</figure><figure>")
    }

    /// The measured variant's setting, e.g. "round:1" (the defense id in documents that predate settings).
    static func setting(of d: DefenseEvidence) -> String {
        d.setting ?? d.id
    }
}
