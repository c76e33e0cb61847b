import AIRiskXML
import Foundation

/// Reads a schema-valid results tree back into ``AssessmentResults``.
///
/// The schema has already checked structure and lexical forms, so this only converts; it still throws rather
/// than trapping on anything unexpected, naming the file, line and field.
struct ResultsXMLDecoder {
    let file: String

    func results(_ root: XMLElement) throws(ResultsError) -> AssessmentResults {
        let toolElement = try child(root, "tool")
        let statusElement = try child(root, "status")
        let status: AssessmentStatus =
            try attr(statusElement, "state") == "complete"
            ? .complete : .incomplete(error: statusElement.element(named: "error")?.text ?? "")
        let env = try child(root, "environment")
        var results = AssessmentResults(
            tool: ToolInfo(name: try attr(toolElement, "name"), version: try attr(toolElement, "version")),
            generatedAt: try date(root, "generatedAt"),
            seed: try uint64(root, "seed"),
            profile: try attr(root, "profile"),
            budgets: try child(root, "budgets").elements(named: "budget").map { b throws(ResultsError) in
                Budget(name: try attr(b, "name"), value: try double(b, "value"))
            },
            dataSensitivity: try enumValue(root, "dataSensitivity"),
            status: status,
            warnings: root.elements(named: "warning").map(\.text),
            model: try model(try child(root, "model")),
            dataSets: try child(root, "dataSets").elements(named: "dataSet").map { d throws(ResultsError) in
                DataSetRecord(
                    role: try enumValue(d, "role"), file: try childText(d, "file"), sha256: try childText(d, "sha256"),
                    rows: try int(d, "rows"), features: try int(d, "features"))
            },
            environment: EnvironmentInfo(
                operatingSystem: try childText(env, "operatingSystem"), cpuCount: try int(env, "cpuCount"),
                swiftVersion: try childText(env, "swiftVersion")),
            probes: try child(root, "probes").elements(named: "probe").map { p throws(ResultsError) in try probe(p) },
            findings: try child(root, "findings").elements(named: "finding").map { f throws(ResultsError) in
                try finding(f)
            },
            matrix: try matrix(try child(root, "matrix")),
            defenses: try child(root, "defenses").elements(named: "defense").map { d throws(ResultsError) in
                try defense(d)
            },
            definitions: try child(root, "definitions").elements(named: "definition").map { d throws(ResultsError) in
                Definition(
                    term: try childText(d, "term"), text: try childText(d, "text"),
                    reference: d.element(named: "reference")?.text)
            })
        results.compliance = try (root.element(named: "compliance")?.elements(named: "reference") ?? []).map {
            c throws(ResultsError) in
            ComplianceReference(
                probeID: try attr(c, "probeID"), framework: try attr(c, "framework"), ref: try attr(c, "ref"),
                kind: try enumValue(c, "kind"), status: try attr(c, "status"), text: try childText(c, "text"),
                url: c.element(named: "url")?.text)
        }
        if let gate = root[attribute: "failOn"] { results.gate = Severity(rawValue: gate) }
        return results
    }

    func model(_ m: XMLElement) throws(ResultsError) -> ModelIdentity {
        ModelIdentity(
            name: try childText(m, "name"), sourceKind: try enumValue(m, "sourceKind"),
            location: try childText(m, "location"), sha256: m.element(named: "sha256")?.text,
            producer: m.element(named: "producer")?.text, opset: try optionalInt(m, "opset"),
            operators: try child(m, "operators").elements(named: "operator").map(\.text),
            inputShape: try child(m, "inputShape").elements(named: "dim").map { d throws(ResultsError) in
                try optionalInt(d, "value")
            },
            outputKind: try attr(m, "outputKind"), accessLevel: try attr(m, "accessLevel"))
    }

    func probe(_ p: XMLElement) throws(ResultsError) -> ProbeResult {
        let state = try attr(p, "status")
        guard let status = ProbeStatus(state: state, detail: p.element(named: "statusDetail")?.text) else {
            throw invalid(p, "probe status", state, "is not ran, skipped or failed")
        }
        let q = try child(p, "queries")
        return ProbeResult(
            id: try attr(p, "id"), title: try childText(p, "title"), accessAssumed: try attr(p, "accessAssumed"),
            queries: QueryUsage(
                calls: try int(q, "calls"), rows: try int(q, "rows"), gradientCalls: try int(q, "gradientCalls"),
                budget: try optionalInt(q, "budget")),
            wallTimeSeconds: try double(p, "wallTimeSeconds"), seed: try uint64(p, "seed"), status: status,
            notes: p.elements(named: "note").map(\.text),
            metrics: try p.elements(named: "metric").map { m throws(ResultsError) in
                try metric(m)
            },
            tables: try p.elements(named: "table").map { t throws(ResultsError) in
                ResultTable(
                    id: t[attribute: "id"].map(MetricID.init(rawValue:)), title: try childText(t, "title"),
                    columns: t.elements(named: "column").map(\.text),
                    rows: try t.elements(named: "row").map { row throws(ResultsError) in
                        try row.elements.map { cell throws(ResultsError) -> TableCell in
                            if cell.name == "number" {
                                guard let n = XMLNumber.double(cell.text) else {
                                    throw invalid(cell, "table number", cell.text, "is not a number")
                                }
                                return .number(n)
                            }
                            return .text(cell.text)
                        }
                    })
            },
            curves: try p.elements(named: "curve").map { c throws(ResultsError) in
                Curve(
                    id: c[attribute: "id"].map(MetricID.init(rawValue:)), title: try childText(c, "title"),
                    xLabel: try childText(c, "xLabel"),
                    yLabel: try childText(c, "yLabel"), logX: try bool(c, "logX"), logY: try bool(c, "logY"),
                    diagonal: try bool(c, "diagonal"),
                    series: try c.elements(named: "series").map { s throws(ResultsError) in
                        let xs = try doubles(try child(s, "x"))
                        let ys = try doubles(try child(s, "y"))
                        guard xs.count == ys.count else {
                            throw invalid(s, "curve series", "\(xs.count) x, \(ys.count) y", "must have as many x as y")
                        }
                        return CurveSeries(
                            name: try childText(s, "name"),
                            points: zip(xs, ys).map { CurvePoint(x: $0, y: $1) })
                    })
            },
            histograms: try p.elements(named: "histogram").map { h throws(ResultsError) in
                Histogram(
                    title: try childText(h, "title"), xLabel: try childText(h, "xLabel"),
                    edges: try doubles(try child(h, "edges")),
                    series: try h.elements(named: "series").map { s throws(ResultsError) in
                        let countsElement = try child(s, "counts")
                        var counts: [Int] = []
                        for token in countsElement.text.split(whereSeparator: \.isWhitespace) {
                            guard let n = Int(token) else {
                                throw invalid(countsElement, "histogram count", String(token), "is not an integer")
                            }
                            counts.append(n)
                        }
                        return HistogramSeries(name: try childText(s, "name"), counts: counts)
                    })
            },
            images: try p.elements(named: "image").map { i throws(ResultsError) in
                let content: ImageArtifact.Content
                if let png = i.element(named: "png") {
                    let compact = png.text.filter { !$0.isWhitespace }
                    guard let data = Data(base64Encoded: compact) else {
                        throw invalid(png, "image png", String(compact.prefix(20)), "is not base64")
                    }
                    content = .png(data)
                } else {
                    content = .file(try childText(i, "file"))
                }
                return ImageArtifact(
                    title: try childText(i, "title"), caption: try childText(i, "caption"),
                    classLabel: i.element(named: "classLabel")?.text, content: content, width: try int(i, "width"),
                    height: try int(i, "height"))
            })
    }

    func measurement(_ m: XMLElement) throws(ResultsError) -> DefenseMeasurement {
        DefenseMeasurement(
            probeID: try attr(m, "probeID"), metric: try childText(m, "metric"),
            metricID: m[attribute: "metricID"].map(MetricID.init(rawValue:)), before: try double(m, "before"),
            after: try double(m, "after"))
    }

    func metric(_ m: XMLElement) throws(ResultsError) -> Metric {
        Metric(
            id: m[attribute: "id"].map(MetricID.init(rawValue:)), name: try childText(m, "name"),
            value: try double(m, "value"), unit: m.element(named: "unit")?.text,
            ciLow: try optionalDouble(m, "ciLow"), ciHigh: try optionalDouble(m, "ciHigh"),
            basis: m.element(named: "basis")?.text, targetFPR: try optionalDouble(m, "targetFPR"))
    }

    func factor(_ e: XMLElement) throws(ResultsError) -> RiskFactor {
        RiskFactor(score: try double(e, "score"), level: try enumValue(e, "level"))
    }

    func finding(_ f: XMLElement) throws(ResultsError) -> Finding {
        let owasp = try child(f, "owasp")
        let atlas = try child(f, "atlas")
        return Finding(
            id: try attr(f, "id"), probeID: try attr(f, "probeID"), title: try childText(f, "title"),
            severity: try enumValue(f, "severity"), likelihood: try factor(try child(f, "likelihood")),
            impact: try factor(try child(f, "impact")), rationale: try childText(f, "rationale"),
            stageID: try attr(f, "stageID"), classID: try attr(f, "classID"),
            owasp: Reference(id: try attr(owasp, "id"), name: owasp.text),
            atlas: Reference(id: try attr(atlas, "id"), name: atlas.text),
            nistSection: try childText(f, "nistSection"),
            recommendedDefenses: try f.elements(named: "recommendedDefense").map { d throws(ResultsError) in
                RecommendedDefense(
                    id: try attr(d, "id"), name: try childText(d, "name"), evidence: try enumValue(d, "evidence"),
                    measurement: try d.element(named: "measurement").map { m throws(ResultsError) in
                        try measurement(m)
                    })
            },
            headline: try f.element(named: "headline").map { m throws(ResultsError) in try metric(m) },
            context: f.element(named: "context")?.text, targetFPR: try optionalDouble(f, "targetFPR"))
    }

    func matrix(_ m: XMLElement) throws(ResultsError) -> MatrixSnapshot {
        func entry(_ e: XMLElement) throws(ResultsError) -> MatrixEntry {
            MatrixEntry(id: try attr(e, "id"), name: try childText(e, "name"), nameJA: e.element(named: "nameJA")?.text)
        }
        return MatrixSnapshot(
            stages: try m.elements(named: "stage").map { s throws(ResultsError) in
                let e = try entry(s)
                return MatrixStage(id: e.id, name: e.name, nameJA: e.nameJA)
            },
            classes: try m.elements(named: "class").map { c throws(ResultsError) in
                let e = try entry(c)
                return MatrixClass(id: e.id, name: e.name, nameJA: e.nameJA)
            },
            cells: try m.elements(named: "cell").map { c throws(ResultsError) in
                MatrixCell(
                    stageID: try attr(c, "stageID"), classID: try attr(c, "classID"),
                    techniques: try c.elements(named: "technique").map { t throws(ResultsError) in try entry(t) },
                    defenses: try c.elements(named: "defense").map { d throws(ResultsError) in try entry(d) },
                    assessedBy: c.elements(named: "assessedBy").map(\.text))
            })
    }

    func defense(_ d: XMLElement) throws(ResultsError) -> DefenseEvidence {
        DefenseEvidence(
            id: try attr(d, "id"), name: try childText(d, "name"), nameJA: d.element(named: "nameJA")?.text,
            stageID: try attr(d, "stageID"), classID: try attr(d, "classID"), evidence: try enumValue(d, "evidence"),
            measurements: try d.elements(named: "measurement").map { m throws(ResultsError) in try measurement(m) },
            utilityChange: try optionalDouble(d, "utilityChange"), source: d.element(named: "source")?.text,
            notes: d.element(named: "notes")?.text, setting: d[attribute: "setting"])
    }

    // MARK: Field access

    func invalid(_ e: XMLElement, _ field: String, _ value: String, _ reason: String) -> ResultsError {
        .invalidValue(file: file, line: e.line, field: field, value: value, reason: reason)
    }

    func child(_ e: XMLElement, _ name: String) throws(ResultsError) -> XMLElement {
        guard let c = e.element(named: name) else { throw invalid(e, "<\(e.name)>", "", "lacks a <\(name)> element") }
        return c
    }

    func childText(_ e: XMLElement, _ name: String) throws(ResultsError) -> String {
        try child(e, name).text
    }

    func attr(_ e: XMLElement, _ name: String) throws(ResultsError) -> String {
        guard let v = e[attribute: name] else { throw invalid(e, "<\(e.name)>", "", "lacks attribute \(name)") }
        return v
    }

    func double(_ e: XMLElement, _ name: String) throws(ResultsError) -> Double {
        let v = try attr(e, name)
        guard let d = XMLNumber.double(v) else { throw invalid(e, "\(e.name)@\(name)", v, "is not a number") }
        return d
    }

    func optionalDouble(_ e: XMLElement, _ name: String) throws(ResultsError) -> Double? {
        e[attribute: name] == nil ? nil : try double(e, name)
    }

    func int(_ e: XMLElement, _ name: String) throws(ResultsError) -> Int {
        try integer(e, name, "an integer")
    }

    func optionalInt(_ e: XMLElement, _ name: String) throws(ResultsError) -> Int? {
        e[attribute: name] == nil ? nil : try int(e, name)
    }

    func uint64(_ e: XMLElement, _ name: String) throws(ResultsError) -> UInt64 {
        try integer(e, name, "an unsigned 64-bit integer")
    }

    /// The attribute `name` as a decimal integer of type `Value`; `kind` names the type in the error.
    private func integer<Value: FixedWidthInteger>(
        _ e: XMLElement, _ name: String, _ kind: String
    ) throws(ResultsError) -> Value {
        let v = try attr(e, name)
        guard let i = Value(v.trimmingCharacters(in: .whitespaces)) else {
            throw invalid(e, "\(e.name)@\(name)", v, "is not \(kind)")
        }
        return i
    }

    func bool(_ e: XMLElement, _ name: String) throws(ResultsError) -> Bool {
        let v = try attr(e, name)
        switch v.trimmingCharacters(in: .whitespaces) {
        case "true", "1": return true
        case "false", "0": return false
        default: throw invalid(e, "\(e.name)@\(name)", v, "is not a boolean")
        }
    }

    func date(_ e: XMLElement, _ name: String) throws(ResultsError) -> Date {
        let v = try attr(e, name)
        guard let d = XMLNumber.date(v) else {
            throw invalid(e, "\(e.name)@\(name)", v, "is not an ISO 8601 date-time with a time zone")
        }
        return d
    }

    func enumValue<T: RawRepresentable>(_ e: XMLElement, _ name: String) throws(ResultsError) -> T
    where T.RawValue == String {
        let v = try attr(e, name)
        guard let value = T(rawValue: v) else { throw invalid(e, "\(e.name)@\(name)", v, "is not a known value") }
        return value
    }

    func doubles(_ e: XMLElement) throws(ResultsError) -> [Double] {
        guard let values = XMLNumber.doubles(e.text) else {
            throw invalid(e, "<\(e.name)>", String(e.text.prefix(40)), "is not a list of numbers")
        }
        return values
    }
}
