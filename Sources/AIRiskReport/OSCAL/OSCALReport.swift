import AIRiskResults
import AIRiskXML
import Foundation

/// NIST OSCAL 1.0.6 assessment-results, for GRC systems: each probe is an `observation` (method TEST) with its
/// metrics as properties and its artefacts as relevant evidence; each finding is a `risk` (with OWASP
/// likelihood / impact / severity facets, the ATLAS threat id and the recommended defenses as responses) and a
/// `finding` pointing at both. UUIDs are name-based (v5) from the content and seed, so output is reproducible.
package enum OSCALReport {
    package static let namespace = "http://csrc.nist.gov/ns/oscal/1.0"
    package static let oscalVersion = "1.0.6"
    /// The namespace of airisk's own OSCAL property names.
    package static let propertyNamespace = "urn:airisk:oscal"
    static let riskRatingSystem = "https://owasp.org/www-community/OWASP_Risk_Rating_Methodology"
    static let atlasSystem = "https://atlas.mitre.org/"

    /// The assessment-results XML document.
    package static func xml(_ results: AssessmentResults) throws(ReportError) -> Data {
        do {
            return try XMLWriter.data(for: element(results))
        } catch {
            throw .encoding(format: "OSCAL XML", reason: error.description)
        }
    }

    /// The assessment-results element tree.
    package static func element(_ r: AssessmentResults) -> XMLElement {
        OSCALBuilder(results: r).document()
    }
}

/// Builds the OSCAL tree for one results document.
struct OSCALBuilder {
    let results: AssessmentResults
    let ns = OSCALReport.namespace

    /// A stable identity of this assessment that every UUID is derived from.
    var identity: String {
        let r = results
        return [r.model.sha256 ?? r.model.location, r.model.name, String(r.seed), XMLNumber.dateString(r.generatedAt)]
            .joined(separator: "|")
    }

    func uuid(_ parts: String...) -> String {
        DeterministicUUID.string(([identity] + parts).joined(separator: "|"))
    }

    var toolUUID: String { DeterministicUUID.string("tool|\(results.tool.name)|\(results.tool.version)") }
    func observationUUID(_ probeID: String) -> String { uuid("observation", probeID) }

    func document() -> XMLElement {
        let r = results
        let collected = XMLNumber.dateString(r.generatedAt)
        let totalSeconds = r.probes.reduce(0) { $0 + max($1.wallTimeSeconds, 0) }
        let start = XMLNumber.dateString(r.generatedAt.addingTimeInterval(-totalSeconds.rounded(.up)))
        var metadata = el(
            "metadata", [:],
            [
                text("title", "airisk assessment of \(r.model.name)"),
                text("last-modified", collected),
                text("version", r.tool.version),
                text("oscal-version", OSCALReport.oscalVersion),
            ])
        metadata.children += [
            prop("tool", "\(r.tool.name) \(r.tool.version)"), prop("seed", String(r.seed)),
            prop("profile", r.profile), prop("data-sensitivity", r.dataSensitivity.rawValue),
            prop("overall-severity", r.overallSeverity.rawValue),
        ].compactMap { $0 }.map { .element($0) }

        var result = el(
            "result", ["uuid": uuid("result")],
            [
                text("title", "Privacy and model-theft probes of \(r.model.name)"),
                markup(
                    "description",
                    [
                        "airisk ran \(r.probes.count) probe(s) against the model with seed \(r.seed) and profile "
                            + "\(r.profile). Overall severity: \(r.overallSeverity.rawValue).",
                        statusText,
                    ]),
                text("start", start),
                text("end", collected),
            ])
        let resultProps: [XMLElement?] =
            [
                prop("model-name", r.model.name), prop("model-source", r.model.sourceKind.rawValue),
                prop("model-location", r.model.location), prop("model-sha256", r.model.sha256),
                prop("model-producer", r.model.producer), prop("access-level", r.model.accessLevel),
                prop("output-kind", r.model.outputKind),
                prop("assessment-status", r.status.isComplete ? "complete" : "incomplete"),
            ] + r.dataSets.map { prop("data-set-\($0.role.rawValue)-sha256", $0.sha256) }
            + r.requirementOutcomes.map { requirementProp($0.requirement, $0.outcome) }
        result.children += resultProps.compactMap { $0 }.map { .element($0) }
        result.append(
            el(
                "reviewed-controls", [:],
                [
                    markup("description", ["The AI Security Matrix cells and OWASP ML Top 10 risks the probes cover."]),
                    el("control-selection", [:], [el("include-all")]),
                ]))
        for p in r.probes { result.append(observation(p, collected: collected)) }
        for f in r.findings { result.append(risk(f)) }
        for f in r.findings { result.append(finding(f)) }
        for p in r.probes { if case .failed(let error) = p.status { result.append(failedProbe(p, error: error)) } }

        return el(
            "assessment-results", ["uuid": uuid("assessment-results")],
            [
                metadata,
                el(
                    "import-ap", ["href": "results.xml"],
                    [
                        markup(
                            "remarks",
                            [
                                "The assessment plan (probes, budgets, seed) is recorded in the canonical results document."
                            ])
                    ]),
                result,
            ])
    }

    var statusText: String {
        switch results.status {
        case .complete: "The assessment completed."
        case .incomplete(let error): "The assessment is incomplete: \(error)"
        }
    }

    func observation(_ p: ProbeResult, collected: String) -> XMLElement {
        var description = ["\(p.title) (\(p.id)): \(p.status.state)" + (p.status.detail.map { " — \($0)" } ?? "") + "."]
        description += p.metrics.map { m in
            var line = "\(m.name): \(XMLNumber.string(m.value))" + (m.unit.map { " \($0)" } ?? "")
            if let lo = m.ciLow, let hi = m.ciHigh {
                line += " (CI \(XMLNumber.string(lo))–\(XMLNumber.string(hi)))"
            }
            if let basis = m.basis { line += "; \(basis)" }
            return line
        }
        description += p.notes
        var o = el(
            "observation", ["uuid": observationUUID(p.id)],
            [text("title", p.title), markup("description", description)])
        var props: [XMLElement?] = [
            prop("probe", p.id), prop("access-assumed", p.accessAssumed), prop("status", p.status.state),
            prop("seed", String(p.seed)), prop("wall-time-seconds", XMLNumber.string(p.wallTimeSeconds)),
            prop("query-calls", String(p.queries.calls)), prop("query-rows", String(p.queries.rows)),
            prop("gradient-calls", String(p.queries.gradientCalls)),
            p.queries.budget.flatMap { prop("query-budget", String($0)) },
        ]
        props += p.metrics.map { m in
            prop(Self.token(m.name), XMLNumber.string(m.value), cls: "metric", remarks: m.name)
        }
        o.children += props.compactMap { $0 }.map { .element($0) }
        o.append(text("method", "TEST"))
        o.append(origin())
        var evidence = [
            el(
                "relevant-evidence", ["href": "results.xml"],
                [
                    markup(
                        "description", ["Canonical airisk results document, probe \(p.id): metrics, curves and images."]
                    )
                ])
        ]
        evidence += p.curves.map { evidenceItem("Curve: \($0.title)") }
        evidence += p.histograms.map { evidenceItem("Histogram: \($0.title)") }
        evidence += p.images.map { image -> XMLElement in
            if case .file(let path) = image.content, Self.isRelativeReference(path) {
                return el("relevant-evidence", ["href": path], [markup("description", ["Image: \(image.title)"])])
            }
            return evidenceItem("Image: \(image.title)")
        }
        o.children += evidence.map { .element($0) }
        o.append(text("collected", collected))
        return o
    }

    func evidenceItem(_ description: String) -> XMLElement {
        el("relevant-evidence", ["href": "results.xml"], [markup("description", [description])])
    }

    func risk(_ f: Finding) -> XMLElement {
        var r = el(
            "risk", ["uuid": uuid("risk", f.id)],
            [
                text("title", f.title),
                markup("description", [f.rationale]),
                markup(
                    "statement",
                    [
                        "Measured by the \(f.probeID) probe; matrix cell \(f.stageID) × \(f.classID); "
                            + "\(f.owasp.id) \(f.owasp.name); \(f.atlas.id) \(f.atlas.name); \(f.nistSection).",
                        "Likelihood \(XMLNumber.string(f.likelihood.score)) (\(f.likelihood.level.rawValue)), impact "
                            + "\(XMLNumber.string(f.impact.score)) (\(f.impact.level.rawValue)), severity \(f.severity.rawValue)"
                            + (f.context.map { "; context: \($0)" } ?? "") + ".",
                    ]),
            ])
        let props: [XMLElement?] = [
            prop("severity", f.severity.rawValue), prop("owasp-ml-top10", f.owasp.id),
            prop("atlas-technique", f.atlas.id),
            prop("matrix-stage", f.stageID), prop("matrix-class", f.classID), prop("nist-ai-100-2", f.nistSection),
            prop("finding-id", f.id),
        ]
        let references = results.compliance.filter { $0.probeID == f.probeID }
        let referenceProps = references.map { c in
            prop(
                "compliance-reference", c.label, cls: c.framework,
                remarks: "\(c.text) (\(c.kind.rawValue); catalog status: \(c.status))")
        }
        r.children += (props + referenceProps).compactMap { $0 }.map { .element($0) }
        r.children += links(references).map { .element($0) }
        r.append(text("status", "open"))
        r.append(origin())
        r.append(el("threat-id", ["system": OSCALReport.atlasSystem], [.text(Self.oneLine(ATLASLink.url(f.atlas.id)))]))
        r.append(
            el(
                "characterization", [:],
                [
                    origin(),
                    el(
                        "facet",
                        [
                            "name": "likelihood", "system": OSCALReport.riskRatingSystem,
                            "value": f.likelihood.level.rawValue,
                        ]),
                    el(
                        "facet",
                        ["name": "impact", "system": OSCALReport.riskRatingSystem, "value": f.impact.level.rawValue]),
                    el(
                        "facet", ["name": "risk", "system": OSCALReport.riskRatingSystem, "value": f.severity.rawValue]),
                ]))
        for d in f.recommendedDefenses {
            var lines = ["\(d.name) (\(d.id)); evidence: \(d.evidence.rawValue)."]
            if let m = d.measurement {
                lines.append(
                    "Measured on \(m.probeID): \(m.metric) \(XMLNumber.string(m.before)) → \(XMLNumber.string(m.after))."
                )
            }
            var response = el(
                "response", ["uuid": uuid("response", f.id, d.id), "lifecycle": "recommendation"],
                [
                    text("title", d.name), markup("description", lines),
                ])
            if let p = prop("evidence", d.evidence.rawValue) { response.append(p) }
            if let p = prop("defense-id", d.id) { response.append(p) }
            r.append(response)
        }
        if results.probes.contains(where: { $0.id == f.probeID }) {
            r.append(el("related-observation", ["observation-uuid": observationUUID(f.probeID)]))
        }
        return r
    }

    func finding(_ f: Finding) -> XMLElement {
        var x = el(
            "finding", ["uuid": uuid("finding", f.id)],
            [
                text("title", f.title), markup("description", [f.rationale]),
            ])
        let outcomes = results.requirementOutcomes.filter { $0.requirement.probeID == f.probeID }
        let props: [XMLElement?] =
            [prop("severity", f.severity.rawValue), prop("finding-id", f.id)]
            + outcomes.map { requirementProp($0.requirement, $0.outcome) }
        x.children += props.compactMap { $0 }.map { .element($0) }
        x.children += links(outcomes.map(\.requirement)).map { .element($0) }
        x.append(origin())
        x.append(
            el(
                "target", ["type": "objective-id", "target-id": Self.token(f.owasp.id + "_" + f.classID)],
                [
                    text("title", "\(f.owasp.id) \(f.owasp.name)"),
                    el("status", ["state": f.severity == .note ? "satisfied" : "not-satisfied"]),
                ]))
        if results.probes.contains(where: { $0.id == f.probeID }) {
            x.append(el("related-observation", ["observation-uuid": observationUUID(f.probeID)]))
        }
        x.append(el("associated-risk", ["risk-uuid": uuid("risk", f.id)]))
        return x
    }

    /// A probe that failed is a finding too: its objective was not shown to be satisfied.
    func failedProbe(_ p: ProbeResult, error: String) -> XMLElement {
        var x = el(
            "finding", ["uuid": uuid("finding", "failed", p.id)],
            [
                text("title", "\(p.title): not assessed (the probe failed)"),
                markup("description", ["The \(p.id) probe failed, so nothing was measured: \(error)"]),
            ])
        let props: [XMLElement?] = [prop("probe", p.id), prop("status", p.status.state)]
        x.children += props.compactMap { $0 }.map { .element($0) }
        x.append(origin())
        x.append(
            el(
                "target", ["type": "objective-id", "target-id": Self.token("probe_" + p.id)],
                [
                    text("title", "\(p.title) probe"),
                    el("status", ["state": "not-satisfied"]),
                ]))
        x.append(el("related-observation", ["observation-uuid": observationUUID(p.id)]))
        return x
    }

    /// One requirement's outcome: `requirement-status` = pass / fail / not-tested, the requirement as its class.
    func requirementProp(_ c: ComplianceReference, _ outcome: RequirementOutcome) -> XMLElement? {
        prop(
            "requirement-status", outcome.rawValue, cls: c.label,
            remarks: "\(c.label): \(c.text) (probe \(c.probeID); catalog status: \(c.status))")
    }

    /// `link rel="reference"` to each entry's source, once per address.
    func links(_ references: [ComplianceReference]) -> [XMLElement] {
        var seen: Set<String> = []
        return references.compactMap { c in
            guard let url = c.url.map(Self.oneLine), !url.isEmpty, URL(string: url) != nil,
                seen.insert(url).inserted
            else { return nil }
            return el("link", ["href": url, "rel": "reference"], [text("text", c.label)])
        }
    }

    func origin() -> XMLElement {
        el("origin", [:], [el("actor", ["type": "tool", "actor-uuid": toolUUID])])
    }

    // MARK: Building blocks

    func el(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLElement]) -> XMLElement {
        XMLElement(name, namespace: ns, attributes: attributes, children: children.map { .element($0) })
    }

    func el(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLNode] = []) -> XMLElement {
        XMLElement(name, namespace: ns, attributes: attributes, children: children)
    }

    func text(_ name: String, _ value: String) -> XMLElement {
        el(name, [:], [XMLNode.text(Self.oneLine(value).isEmpty ? "-" : Self.oneLine(value))])
    }

    /// A markup-multiline element: one paragraph per non-empty line.
    func markup(_ name: String, _ paragraphs: [String]) -> XMLElement {
        let lines = paragraphs.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return el(name, [:], (lines.isEmpty ? ["-"] : lines).map { el("p", [:], [XMLNode.text($0)]) })
    }

    /// An airisk property, or nil when the value is empty (OSCAL strings must have content).
    func prop(_ name: String, _ value: String?, cls: String? = nil, remarks: String? = nil) -> XMLElement? {
        guard let value else { return nil }
        let v = Self.oneLine(value)
        guard !v.isEmpty else { return nil }
        var attributes = ["name": Self.token(name), "value": v, "ns": OSCALReport.propertyNamespace]
        if let cls { attributes["class"] = Self.token(cls) }
        var p = el("prop", attributes)
        if let remarks { p.append(markup("remarks", [remarks])) }
        return p
    }

    /// Collapses whitespace runs (including line breaks) and trims, as OSCAL's StringDatatype requires.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// An OSCAL token (NCName-like): letters, digits, `.`, `-`, `_`, starting with a letter or `_`.
    static func token(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == "." || ch == "-" || ch == "_" {
                out.append(ch)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if let first = out.first, first.isLetter || first == "_" { return out }
        return "_" + out
    }

    /// Whether `path` is a relative reference without spaces or `..` (safe as an OSCAL href).
    static func isRelativeReference(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("..") && !path.contains(where: { $0.isWhitespace })
            && URL(string: path) != nil
    }
}
