import AIRiskResults
import AIRiskSupport
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

@Suite("SARIF 2.1.0")
struct SARIFReportTests {
    @Test("one result per finding with the required SARIF fields")
    func requiredFields() throws {
        let data = SARIFReport.data(SampleResults.make())
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "airisk")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(
            rules.map { $0["id"] as? String } == ["ML04/AML.T0024.000", "ML03/AML.T0024.001", "ML05/AML.T0024.002"])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "error"])
        for (i, r) in results.enumerated() {
            #expect((r["message"] as? [String: Any])?["text"] is String)
            #expect(r["ruleIndex"] as? Int == i)
        }
    }

    @Test("severity maps onto SARIF levels")
    func levels() {
        #expect(Severity.allCases.map(SARIFReport.level) == ["note", "note", "warning", "error", "error"])
    }

    @Test(
        "the sample validates against OASIS's SARIF 2.1.0 JSON schema (python jsonschema)",
        .enabled(if: TestSupport.jsonSchemaAvailable, TestSupport.jsonSchemaMissing))
    func schemaValid() throws {
        let schema = TestSupport.fixtures.appendingPathComponent("sarif/sarif-schema-2.1.0.json")
        var empty = SampleResults.make()
        empty.findings = []
        empty.status = .incomplete(error: "membership probe failed")
        for doc in [SampleResults.make(), empty] {
            let errors = try TestSupport.jsonSchemaErrors(document: SARIFReport.data(doc), schema: schema)
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test("JSON strings escape quotes, control characters and markup")
    func jsonEscaping() {
        #expect(JSONWriter.quote("a\"b\\c\n\u{1}<script>") == "\"a\\\"b\\\\c\\n\\u0001\\u003cscript\\u003e\"")
    }

    @Test("results carry the 2026 compliance references and each requirement's outcome")
    func complianceProperties() throws {
        let text = String(decoding: SARIFReport.data(SampleResults.make()), as: UTF8.self)
        for needle in ["NISTAML.033", "OWASP AISVS 1.0 11.3.3", "EU AI Act Art. 15(5)", "MITRE ATLAS 5.6.0"] {
            #expect(text.contains(needle), "SARIF lacks \(needle)")
        }
        #expect(text.contains("\"outcome\": \"fail\""))
    }
}
