import AIRiskResults
import AIRiskTestSupport
import AIRiskXML
import Foundation
import Testing

@testable import AIRiskReport

@Suite("OSCAL assessment-results")
struct OSCALReportTests {
    static let schema = Result {
        try XMLSchema(
            contentsOf: TestSupport.fixtures.appendingPathComponent("oscal/oscal_assessment-results_schema.xsd"))
    }

    @Test("the sample validates against NIST's OSCAL 1.0.6 assessment-results XSD")
    func validates() throws {
        let schema = try Self.schema.get()
        let data = try OSCALReport.xml(SampleResults.make())
        let problems = schema.validate(data, fileName: "oscal-assessment-results.xml")
        #expect(problems.isEmpty, "\(problems.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test("an incomplete run with failed and skipped probes, no findings and odd strings still validates")
    func validatesEdgeCases() throws {
        var r = SampleResults.make()
        r.status = .incomplete(error: "  inversion\nfailed  ")
        r.probes[1].status = .failed(error: "gradient is NaN")
        r.probes[2].status = .skipped(reason: "")
        r.probes[0].metrics.append(Metric(name: "   ", value: .infinity))
        r.model.producer = "   "
        r.model.name = "\n"
        r.findings[0].owasp.id = "1 2 3"
        var noFindings = r
        noFindings.findings = []
        let schema = try Self.schema.get()
        for doc in [r, noFindings] {
            let problems = schema.validate(try OSCALReport.xml(doc), fileName: "oscal.xml")
            #expect(problems.isEmpty, "\(problems.prefix(10).map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("each probe is a TEST observation and each finding a risk and a finding, linked by UUID")
    func structure() throws {
        let root = OSCALReport.element(SampleResults.make())
        let result = try #require(root.element(named: "result"))
        let observations = result.elements(named: "observation")
        #expect(observations.count == 3)
        #expect(observations.allSatisfy { $0.element(named: "method")?.text == "TEST" })
        let risks = result.elements(named: "risk")
        let findings = result.elements(named: "finding")
        #expect(risks.count == 3 && findings.count == 3)
        let riskUUIDs = Set(risks.compactMap { $0[attribute: "uuid"] })
        let observationUUIDs = Set(observations.compactMap { $0[attribute: "uuid"] })
        for f in findings {
            #expect(riskUUIDs.contains(f.element(named: "associated-risk")?[attribute: "risk-uuid"] ?? ""))
            #expect(
                observationUUIDs.contains(f.element(named: "related-observation")?[attribute: "observation-uuid"] ?? "")
            )
        }
        let membership = try #require(observations.first)
        #expect(
            membership.elements(named: "prop").contains {
                $0[attribute: "name"] == "AUC" && $0[attribute: "value"] == "0.81"
            })
    }

    @Test("UUIDs are deterministic v5 and change with the seed")
    func deterministic() throws {
        let a = try OSCALReport.xml(SampleResults.make())
        #expect(try OSCALReport.xml(SampleResults.make()) == a)
        var other = SampleResults.make()
        other.seed = 43
        let b = try OSCALReport.xml(other)
        let uuidA = OSCALReport.element(SampleResults.make())[attribute: "uuid"]
        let uuidB = OSCALReport.element(other)[attribute: "uuid"]
        #expect(a != b && uuidA != uuidB)
        #expect(uuidA?.dropFirst(14).first == "5")
    }

    @Test("name-based UUIDs match RFC 4122 version 5 (checked against Python's uuid.uuid5)")
    func uuidV5() {
        #expect(DeterministicUUID.format(DeterministicUUID.airiskNamespace) == "c8ff8ca0-32a8-5c71-a199-62ae2d78198d")
        #expect(DeterministicUUID.string("hello") == "cf978db9-ea98-56fd-a159-efeaa9ffaf29")
        #expect(
            SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test("OSCAL tokens and strings are made schema-safe")
    func tokens() {
        #expect(OSCALBuilder.token("TPR @ 0.1% FPR") == "TPR-0.1-FPR")
        #expect(OSCALBuilder.token("1st") == "_1st")
        #expect(OSCALBuilder.token("") == "_")
        #expect(OSCALBuilder.oneLine("  a\n b\t ") == "a b")
    }

    @Test(
        "the JSON form validates against NIST's OSCAL 1.0.6 JSON schema (python jsonschema)",
        .enabled(if: TestSupport.jsonSchemaAvailable, TestSupport.jsonSchemaMissing))
    func jsonValidates() throws {
        let schema = TestSupport.fixtures.appendingPathComponent("oscal/oscal_assessment-results_schema.json")
        var edge = SampleResults.make()
        edge.status = .incomplete(error: "stopped")
        edge.findings[0].title = "<b>markup</b> *stars*"
        for doc in [SampleResults.make(), edge] {
            let errors = try TestSupport.jsonSchemaErrors(document: OSCALReport.json(doc), schema: schema)
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test("the JSON form carries the same observations, risks and findings as the XML")
    func jsonMatchesXML() throws {
        let data = OSCALReport.json(SampleResults.make())
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ar = try #require(root["assessment-results"] as? [String: Any])
        let result = try #require((ar["results"] as? [[String: Any]])?.first)
        #expect((result["observations"] as? [[String: Any]])?.count == 3)
        #expect((result["risks"] as? [[String: Any]])?.count == 3)
        let findings = try #require(result["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        let xmlResult = try #require(OSCALReport.element(SampleResults.make()).element(named: "result"))
        #expect(
            findings.map { $0["uuid"] as? String } == xmlResult.elements(named: "finding").map { $0[attribute: "uuid"] }
        )
        #expect((findings[0]["related-risks"] as? [[String: Any]])?.count == 1)
    }

    @Test("risks cite the 2026 references as props and links; findings and the result list requirement outcomes")
    func complianceReferences() throws {
        let results = SampleResults.make()
        let data = try OSCALReport.xml(results)
        let xml = String(decoding: data, as: UTF8.self)
        for needle in [
            "NISTAML.033", "NISTAML.032", "NISTAML.031", "OWASP AISVS 1.0 11.3.3", "EU AI Act Art. 15(5)",
            "ISO/IEC 42001:2023 A.6.2.4", "MITRE ATLAS 5.6.0 AML.T0024.000",
        ] {
            #expect(xml.contains(needle), "OSCAL lacks \(needle)")
        }
        let result = try #require(OSCALReport.element(results).element(named: "result"))
        let statuses = result.elements(named: "prop").filter { $0[attribute: "name"] == "requirement-status" }
        #expect(statuses.count == results.requirementOutcomes.count)
        #expect(statuses.allSatisfy { ["pass", "fail", "not-tested"].contains($0[attribute: "value"] ?? "") })
        let membership = try #require(
            result.elements(named: "finding").first {
                $0.elements(named: "prop").contains { $0[attribute: "value"] == "F-membership" }
            })
        let outcome = membership.elements(named: "prop").first {
            $0[attribute: "name"] == "requirement-status" && $0[attribute: "class"] == "OWASP-AISVS-1.0-11.3.3"
        }
        #expect(outcome?[attribute: "value"] == "fail")
        #expect(!membership.elements(named: "link").isEmpty)
        let problems = try Self.schema.get().validate(data, fileName: "oscal.xml")
        #expect(problems.isEmpty, "\(problems.prefix(10).map(\.description).joined(separator: "\n"))")
    }
}
