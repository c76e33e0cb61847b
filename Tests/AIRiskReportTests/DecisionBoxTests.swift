import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

@Suite("HTML decision box and requirement list")
struct DecisionBoxTests {
    /// The text between the decision section's opening tag and its end.
    static func decisionSection(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"decision\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.lowerBound])
    }

    @Test("the decision box comes first and its sentences carry the results' headline values")
    func sentencesCarryHeadlines() throws {
        let results = SampleResults.make()
        let html = try HTMLReport.render(results)
        let decision = try Self.decisionSection(html)
        #expect(html.range(of: "id=\"decision\"")!.lowerBound < html.range(of: "id=\"summary\"")!.lowerBound)
        for f in results.findings {
            guard let h = f.headline else { continue }
            #expect(decision.contains(String(format: "%.3f", h.value)), "\(f.id) headline value missing")
            if let lo = h.ciLow, let hi = h.ciHigh {
                #expect(decision.contains(String(format: "[%.3f, %.3f]", lo, hi)), "\(f.id) interval missing")
            }
        }
        // Membership's sample: TPR at 1 % FPR = 0.09 → 9 in 100 members.
        #expect(decision.contains("membership") || decision.contains("Membership"))
        #expect(decision.contains("Tested:"))
        #expect(decision.contains("Assumptions:") && decision.contains("white-box"))
    }

    @Test("a gate in the results gives ship or block; without one the box says so")
    func shipOrBlock() throws {
        var results = SampleResults.make()
        results.gate = .high
        #expect(try Self.decisionSection(HTMLReport.render(results)).contains("BLOCK"))
        results.gate = .critical
        results.findings = results.findings.filter { $0.severity < .critical }
        let shipped = try Self.decisionSection(HTMLReport.render(results))
        #expect(shipped.contains("SHIP") && !shipped.contains("BLOCK"))
        results.gate = nil
        #expect(try Self.decisionSection(HTMLReport.render(results)).contains("No gate (--fail-on) was given"))
        results.gate = .critical
        results.probes[1].status = .failed(error: "gradient is NaN")
        let failed = try Self.decisionSection(HTMLReport.render(results))
        #expect(failed.contains("BLOCK") && failed.contains("Not tested:") && failed.contains("gradient is NaN"))
    }

    @Test("requirements fail on measured leakage, pass on a note and are not tested when the probe did not run")
    func requirementOutcomes() throws {
        var results = SampleResults.make()
        func outcome(_ label: String) -> RequirementOutcome? {
            results.requirementOutcomes.first { $0.requirement.label == label }?.outcome
        }
        #expect(outcome("OWASP AISVS 1.0 11.3.3") == .fail)
        #expect(outcome("EU AI Act Art. 15(5)") == .fail)
        results.findings = results.findings.map { f in
            var f = f
            if f.probeID == "membership" { f.severity = .note }
            return f
        }
        #expect(outcome("OWASP AISVS 1.0 11.3.3") == .pass)
        results.probes[2].status = .skipped(reason: "labels only")
        #expect(outcome("OWASP AISVS 1.0 C11.5") == .notTested)
        // References are cited, never scored.
        #expect(outcome("NIST AI 100-2 E2025 NISTAML.033") == nil)
        let html = try HTMLReport.render(results)
        #expect(html.contains("id=\"requirements\""))
        // Requirement text from results.xml is text, never markup.
        #expect(!html.contains("guessing <b>.") && html.contains("guessing &lt;b&gt;."))
        #expect(html.contains("outcome-pass") && html.contains("outcome-not-tested") && html.contains("outcome-fail"))
        for needle in [
            "NISTAML.033", "NISTAML.032", "NISTAML.031", "AISVS", "EU AI Act Art. 15(5)", "ISO/IEC 42001",
            "MITRE ATLAS 5.6.0",
        ] {
            #expect(html.contains(needle), "HTML lacks \(needle)")
        }
    }

    @Test("Japanese strings for the decision box and the requirement list")
    func japanese() throws {
        let html = try HTMLReport.render(SampleResults.make(), options: .init(language: .ja))
        let decision = try Self.decisionSection(html)
        #expect(decision.contains("判定") && decision.contains("出荷不可") && decision.contains("評価済み:"))
        #expect(html.contains("コンプライアンス要件") && html.contains("不合格"))
    }
}
