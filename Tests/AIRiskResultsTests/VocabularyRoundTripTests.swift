import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskResults

/// The shared vocabulary (AIRiskVocabulary) in the results document: every severity, level and sensitivity keeps
/// its lower-case XML spelling and reads back to the same value.
@Suite("Vocabulary round trip through results.xml")
struct VocabularyRoundTripTests {
    @Test("every severity, risk level and data sensitivity survives the XML form", arguments: Severity.allCases)
    func roundTrip(severity: Severity) throws {
        var sample = SampleResults.make()
        let level = RiskLevel.allCases[severity.rank % RiskLevel.allCases.count]
        let sensitivity = DataSensitivity.allCases[severity.rank % DataSensitivity.allCases.count]
        sample.findings[0].severity = severity
        sample.findings[0].likelihood = RiskFactor(score: 4.5, level: level)
        sample.findings[0].owasp = Reference(id: "ML04", name: "Membership Inference Attack")
        sample.dataSensitivity = sensitivity
        sample.gate = severity
        let data = try ResultsDocument.data(for: sample)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("severity=\"\(severity.rawValue)\""))
        #expect(text.contains("level=\"\(level.rawValue)\""))
        #expect(text.contains("dataSensitivity=\"\(sensitivity.rawValue)\""))
        #expect(text.contains("failOn=\"\(severity.rawValue)\""))
        #expect(try ResultsDocument.validate(data, fileName: "vocabulary.xml").isEmpty)
        let back = try ResultsDocument.read(data, fileName: "vocabulary.xml")
        #expect(back == sample)
        #expect(back.findings[0].severity == severity && back.findings[0].likelihood.level == level)
        #expect(back.dataSensitivity == sensitivity)
    }

    @Test("results spell levels in lower case, policies in their own case; other spellings are refused")
    func spellings() {
        #expect(Severity.allCases.map(\.rawValue) == ["note", "low", "medium", "high", "critical"])
        #expect(Severity.allCases.map(\.policyName) == ["Note", "Low", "Medium", "High", "Critical"])
        #expect(Severity.allCases.allSatisfy { Severity(policyName: $0.policyName) == $0 })
        #expect(Severity(policyName: "critical") == nil)
        #expect(RiskLevel.allCases.map(\.policyName) == ["LOW", "MEDIUM", "HIGH"])
        #expect(RiskLevel(policyName: "low") == nil && RiskLevel(policyName: "LOW") == .low)
        #expect(Severity.note < .low && Severity.high < .critical)
        #expect(DataSensitivity.accepted == "low, medium, high")
    }

    @Test("an unknown data sensitivity in a document is an error naming the field")
    func unknownSensitivity() throws {
        let data = try ResultsDocument.data(for: SampleResults.make())
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(
            of: "dataSensitivity=\"high\"", with: "dataSensitivity=\"extreme\"")
        #expect {
            try ResultsDocument.read(Data(text.utf8), fileName: "bad.xml")
        } throws: { error in
            "\(error)".contains("dataSensitivity")
        }
    }
}
