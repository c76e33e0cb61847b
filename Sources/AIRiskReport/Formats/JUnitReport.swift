import AIRiskResults
import AIRiskXML
import Foundation

/// JUnit XML for CI: one test case per probe, failed when a finding of that probe is at or above the gate
/// severity, errored when the probe failed, skipped when it was skipped.
package enum JUnitReport {
    package static func xml(_ results: AssessmentResults, gate: Severity) throws(ReportError) -> Data {
        do {
            return try XMLWriter.data(for: element(results, gate: gate))
        } catch {
            throw .encoding(format: "JUnit XML", reason: error.description)
        }
    }

    /// Whether the probe's test case fails at this gate.
    package static func fails(_ probe: ProbeResult, in results: AssessmentResults, gate: Severity) -> Bool {
        results.findings(ofProbe: probe.id).contains { $0.severity >= gate }
    }

    static func element(_ r: AssessmentResults, gate: Severity) -> XMLElement {
        var failures = 0
        var errors = 0
        var skipped = 0
        var cases: [XMLElement] = []
        for p in r.probes {
            var children: [XMLElement] = []
            let gated = r.findings(ofProbe: p.id).filter { $0.severity >= gate }.sorted { $0.severity > $1.severity }
            switch p.status {
            case .failed(let error):
                errors += 1
                children.append(
                    XMLElement(
                        "error", attributes: ["message": error, "type": "probe-failed"], children: [.text(error)]))
            case .skipped(let reason):
                skipped += 1
                children.append(XMLElement("skipped", attributes: ["message": reason]))
            case .ran:
                if let worst = gated.first {
                    failures += 1
                    let message =
                        "\(gated.count) finding(s) at or above \(gate.rawValue): [\(worst.severity.rawValue)] \(worst.title)"
                    let details = gated.map {
                        "[\($0.severity.rawValue)] \($0.id) \($0.title) — \($0.rationale) (\($0.owasp.id), \($0.atlas.id))"
                    }
                    children.append(
                        XMLElement(
                            "failure", attributes: ["message": message, "type": worst.severity.rawValue],
                            children: [.text(details.joined(separator: "\n"))]))
                }
            }
            let metrics = p.metrics.map { m in
                var line = "\(m.name) = \(XMLNumber.string(m.value))" + (m.unit.map { " \($0)" } ?? "")
                if let lo = m.ciLow, let hi = m.ciHigh {
                    line += " [\(XMLNumber.string(lo)), \(XMLNumber.string(hi))]"
                }
                return line
            }
            if !metrics.isEmpty || !p.notes.isEmpty {
                children.append(
                    XMLElement("system-out", children: [.text((metrics + p.notes).joined(separator: "\n"))]))
            }
            cases.append(
                XMLElement(
                    "testcase",
                    attributes: [
                        "classname": "airisk.\(p.id)", "name": p.title,
                        "time": XMLNumber.string(p.wallTimeSeconds),
                    ],
                    children: children.map { .element($0) }))
        }
        if !r.anyProbeRan {
            // Nothing was assessed: the run must not pass a CI gate on an empty or all-skipped suite.
            errors += 1
            let message = "no selected probe ran: " + (r.status.incompleteReason ?? "nothing was assessed")
            cases.append(
                XMLElement(
                    "testcase", attributes: ["classname": "airisk.assessment", "name": "Assessment", "time": "0"],
                    children: [
                        .element(
                            XMLElement(
                                "error", attributes: ["message": message, "type": "assessment-incomplete"],
                                children: [.text(message)]))
                    ]))
        }
        let time = XMLNumber.string(r.probes.reduce(0) { $0 + $1.wallTimeSeconds })
        let counts = [
            "tests": String(cases.count), "failures": String(failures), "errors": String(errors),
            "skipped": String(skipped), "time": time,
        ]
        let properties = XMLElement(
            "properties",
            children: [
                ("model", r.model.name), ("model.sha256", r.model.sha256 ?? ""), ("seed", String(r.seed)),
                ("profile", r.profile), ("gate", gate.rawValue), ("dataSensitivity", r.dataSensitivity.rawValue),
                ("overallSeverity", r.overallSeverity.rawValue),
            ].map { .element(XMLElement("property", attributes: ["name": $0.0, "value": $0.1])) })
        var suiteAttributes = counts
        suiteAttributes["name"] = "airisk \(r.model.name)"
        suiteAttributes["timestamp"] = XMLNumber.dateString(r.generatedAt)
        let suite = XMLElement(
            "testsuite", attributes: suiteAttributes, children: [.element(properties)] + cases.map { .element($0) })
        var rootAttributes = counts
        rootAttributes["name"] = "airisk"
        return XMLElement("testsuites", attributes: rootAttributes, children: [.element(suite)])
    }
}
