import AIRiskXML
import Foundation

/// Builds the XML tree of a results document (see Resources/results.xsd for the layout).
enum ResultsXMLEncoder {
    static let ns = ResultsDocument.namespace

    static func element(for r: AssessmentResults) -> XMLElement {
        var rootAttributes = [
            "schemaVersion": "1", "generatedAt": XMLNumber.dateString(r.generatedAt), "seed": String(r.seed),
            "profile": r.profile, "dataSensitivity": r.dataSensitivity.rawValue,
        ]
        if let gate = r.gate { rootAttributes["failOn"] = gate.rawValue }
        var root = el("results", rootAttributes)
        root.append(el("tool", ["name": r.tool.name, "version": r.tool.version]))
        switch r.status {
        case .complete: root.append(el("status", ["state": "complete"]))
        case .incomplete(let error): root.append(el("status", ["state": "incomplete"], [text("error", error)]))
        }
        for w in r.warnings { root.append(text("warning", w)) }
        root.append(el("budgets", [:], r.budgets.map { el("budget", ["name": $0.name, "value": num($0.value)]) }))
        root.append(model(r.model))
        root.append(
            el(
                "dataSets", [:],
                r.dataSets.map {
                    el(
                        "dataSet",
                        ["role": $0.role.rawValue, "rows": String($0.rows), "features": String($0.features)],
                        [text("file", $0.file), text("sha256", $0.sha256)])
                }))
        root.append(
            el(
                "environment", ["cpuCount": String(r.environment.cpuCount)],
                [
                    text("operatingSystem", r.environment.operatingSystem),
                    text("swiftVersion", r.environment.swiftVersion),
                ]
            ))
        root.append(el("probes", [:], r.probes.map(probe)))
        root.append(el("findings", [:], r.findings.map(finding)))
        if !r.compliance.isEmpty { root.append(el("compliance", [:], r.compliance.map(compliance))) }
        root.append(matrix(r.matrix))
        root.append(el("defenses", [:], r.defenses.map(defense)))
        root.append(
            el(
                "definitions", [:],
                r.definitions.map {
                    el(
                        "definition", [:],
                        [text("term", $0.term), text("text", $0.text)] + optText("reference", $0.reference))
                }))
        return root
    }

    static func model(_ m: ModelIdentity) -> XMLElement {
        var attributes = [
            "sourceKind": m.sourceKind.rawValue, "outputKind": m.outputKind, "accessLevel": m.accessLevel,
        ]
        if let opset = m.opset { attributes["opset"] = String(opset) }
        var children = [text("name", m.name), text("location", m.location)]
        children += optText("sha256", m.sha256) + optText("producer", m.producer)
        children.append(el("operators", [:], m.operators.map { text("operator", $0) }))
        children.append(el("inputShape", [:], m.inputShape.map { el("dim", $0.map { ["value": String($0)] } ?? [:]) }))
        return el("model", attributes, children)
    }

    static func probe(_ p: ProbeResult) -> XMLElement {
        var children = [text("title", p.title)] + optText("statusDetail", p.status.detail)
        var queries = [
            "calls": String(p.queries.calls), "rows": String(p.queries.rows),
            "gradientCalls": String(p.queries.gradientCalls),
        ]
        if let budget = p.queries.budget { queries["budget"] = String(budget) }
        children.append(el("queries", queries))
        children += p.notes.map { text("note", $0) }
        children += p.metrics.map { metric($0) }
        children += p.tables.map { t in
            el(
                "table", t.id.map { ["id": $0.rawValue] } ?? [:],
                [text("title", t.title)] + t.columns.map { text("column", $0) }
                    + t.rows.map { row in
                        el(
                            "row", [:],
                            row.map {
                                switch $0 {
                                case .text(let s): text("text", s)
                                case .number(let n): text("number", num(n))
                                }
                            })
                    })
        }
        children += p.curves.map { c in
            var attributes = ["logX": bool(c.logX), "logY": bool(c.logY), "diagonal": bool(c.diagonal)]
            if let id = c.id { attributes["id"] = id.rawValue }
            return el(
                "curve", attributes,
                [text("title", c.title), text("xLabel", c.xLabel), text("yLabel", c.yLabel)]
                    + c.series.map { s in
                        el(
                            "series", [:],
                            [
                                text("name", s.name), text("x", XMLNumber.list(s.points.map(\.x))),
                                text("y", XMLNumber.list(s.points.map(\.y))),
                            ])
                    })
        }
        children += p.histograms.map { h in
            el(
                "histogram", [:],
                [text("title", h.title), text("xLabel", h.xLabel), text("edges", XMLNumber.list(h.edges))]
                    + h.series.map { s in
                        el(
                            "series", [:],
                            [text("name", s.name), text("counts", s.counts.map(String.init).joined(separator: " "))])
                    })
        }
        children += p.images.map { image in
            var c =
                [text("title", image.title), text("caption", image.caption)] + optText("classLabel", image.classLabel)
            switch image.content {
            case .png(let data): c.append(text("png", data.base64EncodedString()))
            case .file(let path): c.append(text("file", path))
            }
            return el("image", ["width": String(image.width), "height": String(image.height)], c)
        }
        return el(
            "probe",
            [
                "id": p.id, "accessAssumed": p.accessAssumed, "seed": String(p.seed),
                "wallTimeSeconds": num(p.wallTimeSeconds), "status": p.status.state,
            ], children)
    }

    static func metric(_ m: Metric, tag: String = "metric") -> XMLElement {
        var attributes = ["value": num(m.value)]
        if let low = m.ciLow { attributes["ciLow"] = num(low) }
        if let high = m.ciHigh { attributes["ciHigh"] = num(high) }
        if let id = m.id { attributes["id"] = id.rawValue }
        if let fpr = m.targetFPR { attributes["targetFPR"] = num(fpr) }
        return el(tag, attributes, [text("name", m.name)] + optText("unit", m.unit) + optText("basis", m.basis))
    }

    static func measurement(_ m: DefenseMeasurement) -> XMLElement {
        var attributes = ["probeID": m.probeID, "before": num(m.before), "after": num(m.after)]
        if let id = m.metricID { attributes["metricID"] = id.rawValue }
        return el("measurement", attributes, [text("metric", m.metric)])
    }

    static func finding(_ f: Finding) -> XMLElement {
        var attributes = [
            "id": f.id, "probeID": f.probeID, "severity": f.severity.rawValue, "stageID": f.stageID,
            "classID": f.classID,
        ]
        if let fpr = f.targetFPR { attributes["targetFPR"] = num(fpr) }
        return el(
            "finding", attributes,
            [
                text("title", f.title),
                el("likelihood", ["score": num(f.likelihood.score), "level": f.likelihood.level.rawValue]),
                el("impact", ["score": num(f.impact.score), "level": f.impact.level.rawValue]),
                text("rationale", f.rationale),
            ]
                + (f.headline.map { [metric($0, tag: "headline")] } ?? []) + optText("context", f.context)
                + [
                    el("owasp", ["id": f.owasp.id], [.text(f.owasp.name)]),
                    el("atlas", ["id": f.atlas.id], [.text(f.atlas.name)]),
                    text("nistSection", f.nistSection),
                ]
                + f.recommendedDefenses.map { d in
                    el(
                        "recommendedDefense", ["id": d.id, "evidence": d.evidence.rawValue],
                        [text("name", d.name)] + (d.measurement.map { [measurement($0)] } ?? []))
                })
    }

    static func compliance(_ c: ComplianceReference) -> XMLElement {
        el(
            "reference",
            [
                "probeID": c.probeID, "framework": c.framework, "ref": c.ref, "kind": c.kind.rawValue,
                "status": c.status,
            ],
            [text("text", c.text)] + optText("url", c.url))
    }

    static func named(_ tag: String, id: String, name: String, nameJA: String?) -> XMLElement {
        el(tag, ["id": id], [text("name", name)] + optText("nameJA", nameJA))
    }

    static func matrix(_ m: MatrixSnapshot) -> XMLElement {
        el(
            "matrix", [:],
            m.stages.map { named("stage", id: $0.id, name: $0.name, nameJA: $0.nameJA) }
                + m.classes.map { named("class", id: $0.id, name: $0.name, nameJA: $0.nameJA) }
                + m.cells.map { cell in
                    el(
                        "cell", ["stageID": cell.stageID, "classID": cell.classID],
                        cell.techniques.map { named("technique", id: $0.id, name: $0.name, nameJA: $0.nameJA) }
                            + cell.defenses.map { named("defense", id: $0.id, name: $0.name, nameJA: $0.nameJA) }
                            + cell.assessedBy.map { text("assessedBy", $0) })
                })
    }

    static func defense(_ d: DefenseEvidence) -> XMLElement {
        var attributes = ["id": d.id, "stageID": d.stageID, "classID": d.classID, "evidence": d.evidence.rawValue]
        if let u = d.utilityChange { attributes["utilityChange"] = num(u) }
        if let s = d.setting { attributes["setting"] = s }
        return el(
            "defense", attributes,
            [text("name", d.name)] + optText("nameJA", d.nameJA) + d.measurements.map(measurement)
                + optText("source", d.source) + optText("notes", d.notes))
    }

    // MARK: Building blocks

    static func el(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLElement]) -> XMLElement {
        XMLElement(name, namespace: ns, attributes: attributes, children: children.map { .element($0) })
    }

    static func el(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLNode] = []) -> XMLElement {
        XMLElement(name, namespace: ns, attributes: attributes, children: children)
    }

    static func text(_ name: String, _ value: String) -> XMLElement {
        el(name, [:], value.isEmpty ? [] : [XMLNode.text(value)])
    }

    static func optText(_ name: String, _ value: String?) -> [XMLElement] {
        value.map { [text(name, $0)] } ?? []
    }

    static func num(_ value: Double) -> String { XMLNumber.string(value) }
    static func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
