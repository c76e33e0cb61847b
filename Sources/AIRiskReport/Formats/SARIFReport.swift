import AIRiskResults
import AIRiskSupport
import Foundation

/// SARIF 2.1.0 for code-scanning dashboards: one result per finding, one rule per OWASP ML Top 10 × ATLAS pair,
/// the level from the severity (critical/high → error, medium → warning, low/note → note) and GitHub's
/// `security-severity` score.
package enum SARIFReport {
    package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    package static func data(_ results: AssessmentResults) -> Data {
        Data(document(results).serialized().utf8)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .note: "note"
        }
    }

    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .note: "0.0"
        }
    }

    /// The compliance references of the finding's probe and each requirement's pass / fail outcome.
    static func complianceProperties(_ f: Finding, _ r: AssessmentResults) -> [(String, JSONValue)] {
        let references = r.compliance.filter { $0.probeID == f.probeID }
        guard !references.isEmpty else { return [] }
        let outcomes = r.requirementOutcomes.filter { $0.requirement.probeID == f.probeID }
        return [
            ("complianceReferences", .array(references.map { .string($0.label) })),
            (
                "requirements",
                .array(
                    outcomes.map { o in
                        .object([
                            ("id", .string(o.requirement.label)), ("outcome", .string(o.outcome.rawValue)),
                            ("verification", .string(o.requirement.status)),
                        ])
                    })
            ),
        ]
    }

    static func ruleID(_ f: Finding) -> String { "\(f.owasp.id)/\(f.atlas.id)" }

    static func document(_ r: AssessmentResults) -> JSONValue {
        var ruleOrder: [String] = []
        var rules: [String: JSONValue] = [:]
        for f in r.findings where rules[ruleID(f)] == nil {
            let id = ruleID(f)
            ruleOrder.append(id)
            rules[id] = .object([
                ("id", .string(id)),
                ("name", .string(f.owasp.name.filter { $0.isLetter || $0.isNumber })),
                ("shortDescription", .object([("text", .string("\(f.owasp.id) \(f.owasp.name)"))])),
                (
                    "fullDescription",
                    .object([
                        (
                            "text",
                            .string(
                                "\(f.owasp.id) \(f.owasp.name); MITRE ATLAS \(f.atlas.id) \(f.atlas.name); \(f.nistSection)."
                            )
                        )
                    ])
                ),
                ("helpUri", .string(ATLASLink.url(f.atlas.id))),
                (
                    "properties",
                    .object([
                        ("tags", .array(["security", "privacy", f.owasp.id, f.atlas.id].map { .string($0) })),
                        ("matrixStage", .string(f.stageID)), ("matrixClass", .string(f.classID)),
                    ])
                ),
            ])
        }
        let location = artifactURI(r.model)
        let resultsArray: [JSONValue] = r.findings.map { f in
            var message = "[\(f.severity.rawValue)] \(f.title): \(f.rationale)"
            if !f.recommendedDefenses.isEmpty {
                message +=
                    " Recommended: "
                    + f.recommendedDefenses.map { "\($0.name) (\($0.evidence.rawValue))" }
                    .joined(separator: ", ") + "."
            }
            return .object([
                ("ruleId", .string(ruleID(f))),
                ("ruleIndex", .int(Int64(ruleOrder.firstIndex(of: ruleID(f)) ?? 0))),
                ("level", .string(level(f.severity))),
                ("message", .object([("text", .string(message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([("artifactLocation", .object([("uri", .string(location))]))])
                            ),
                            (
                                "logicalLocations",
                                .array([
                                    .object([
                                        ("name", .string(f.classID)),
                                        ("fullyQualifiedName", .string("\(f.stageID)/\(f.classID)")),
                                        ("kind", .string("module")),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ),
                (
                    "partialFingerprints",
                    .object([
                        (
                            "airiskFinding/v1",
                            .string(DeterministicUUID.string("sarif|\(r.model.sha256 ?? r.model.location)|\(f.id)"))
                        )
                    ])
                ),
                (
                    "properties",
                    .object(
                        [
                            ("findingId", .string(f.id)), ("probe", .string(f.probeID)),
                            ("severity", .string(f.severity.rawValue)),
                            ("security-severity", .string(securitySeverity(f.severity))),
                            ("likelihood", .double(f.likelihood.score)), ("impact", .double(f.impact.score)),
                            ("owasp", .string(f.owasp.id)), ("atlas", .string(f.atlas.id)),
                            ("nist", .string(f.nistSection)),
                        ] + headlineProperties(f) + complianceProperties(f, r))
                ),
            ])
        }
        var driver: [(String, JSONValue)] = [
            ("name", .string(r.tool.name)), ("version", .string(r.tool.version)),
            ("semanticVersion", .string(r.tool.version)),
        ]
        driver.append(("rules", .array(ruleOrder.compactMap { rules[$0] })))
        var invocation: [(String, JSONValue)] = [("executionSuccessful", .bool(r.status.isComplete))]
        if case .incomplete(let error) = r.status {
            invocation.append(
                (
                    "toolExecutionNotifications",
                    .array([
                        .object([("level", .string("error")), ("message", .object([("text", .string(error))]))])
                    ])
                ))
        }
        invocation.append(("endTimeUtc", .string(XMLNumber.dateString(r.generatedAt))))
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        ("tool", .object([("driver", .object(driver))])),
                        ("automationDetails", .object([("id", .string("airisk/\(r.profile)/seed-\(r.seed)/"))])),
                        ("invocations", .array([.object(invocation)])),
                        ("results", .array(resultsArray)),
                        (
                            "properties",
                            .object([
                                ("model", .string(r.model.name)), ("modelSha256", .string(r.model.sha256 ?? "")),
                                ("seed", .string(String(r.seed))), ("profile", .string(r.profile)),
                                ("dataSensitivity", .string(r.dataSensitivity.rawValue)),
                                ("overallSeverity", .string(r.overallSeverity.rawValue)),
                            ])
                        ),
                    ])
                ])
            ),
        ])
    }

    /// The model's location as a URI reference (percent-encoded where needed).
    static func artifactURI(_ m: ModelIdentity) -> String {
        if URL(string: m.location) != nil, !m.location.contains(" ") { return m.location }
        return m.location.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "model"
    }

    /// The finding's headline figure with its interval, and the context that set impact.
    static func headlineProperties(_ f: Finding) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if let h = f.headline {
            out.append(("headline", .string(h.name)))
            out.append(("headlineValue", .double(h.value)))
            if let lo = h.ciLow { out.append(("headlineCILow", .double(lo))) }
            if let hi = h.ciHigh { out.append(("headlineCIHigh", .double(hi))) }
            if let basis = h.basis { out.append(("headlineBasis", .string(basis))) }
        }
        if let c = f.context { out.append(("context", .string(c))) }
        return out
    }
}
