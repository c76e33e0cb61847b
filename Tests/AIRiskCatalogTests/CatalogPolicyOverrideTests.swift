import AIRiskCatalog
import Foundation
import Testing

@Suite("Policy override")
struct CatalogPolicyOverrideTests {
    static let policy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/AIRiskCatalog/Resources/policy-default.xml")

    @Test("a team's policy file replaces the bundled one and is validated like it")
    func loadsPolicyFile() throws {
        let catalog = try Catalog.bundled(policy: Self.policy)
        let bundled = try Catalog.bundled().policy
        #expect(catalog.policy.id == bundled.id)
        #expect(catalog.policy.probePolicies.map(\.probe) == bundled.probePolicies.map(\.probe))
        #expect(catalog.policy.probePolicies.first?.location.file.hasSuffix("policy-default.xml") == true)
        #expect(catalog.origin.contains("policy-default.xml"))
    }

    @Test("a broken policy file is rejected naming the file")
    func rejectsBrokenPolicy() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "airisk-policy-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try String(contentsOf: Self.policy, encoding: .utf8).replacingOccurrences(
            of: "<scale min=\"0\" max=\"9\"/>", with: "<scale min=\"zero\" max=\"9\"/>")
        try Data(text.utf8).write(to: url)
        #expect {
            try Catalog.bundled(policy: url)
        } throws: { error in
            "\(error)".contains(url.lastPathComponent)
        }
        #expect(throws: CatalogError.self) { try Catalog.bundled(policy: URL(fileURLWithPath: "/nonexistent/p.xml")) }
    }
}

@Suite("Policy vocabulary")
struct PolicyVocabularyTests {
    @Test("the policy's severities and levels read into the shared vocabulary and print in the policy's spelling")
    func sharedVocabulary() throws {
        let policy = try Catalog.bundled().policy
        let severities: Set<Severity> = Set(policy.severityMatrix.map(\.severity))
        #expect(severities == Set(Severity.allCases))
        #expect(policy.sensitivities.map(\.id) == DataSensitivity.allCases)
        let json = String(
            decoding: try JSONEncoder().encode(policy.severityMatrix.first { $0.severity == .critical }), as: UTF8.self)
        #expect(json.contains("\"Critical\"") && json.contains("\"HIGH\""))
    }

    @Test("a sensitivity outside low, medium, high is refused naming the value")
    func unknownSensitivity() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "airisk-policy-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try String(contentsOf: CatalogPolicyOverrideTests.policy, encoding: .utf8).replacingOccurrences(
            of: "<sensitivity id=\"high\"", with: "<sensitivity id=\"extreme\"")
        try Data(text.utf8).write(to: url)
        #expect {
            try Catalog.bundled(policy: url)
        } throws: { error in
            "\(error)".contains("extreme") && "\(error)".contains("sensitivity")
        }
    }
}
