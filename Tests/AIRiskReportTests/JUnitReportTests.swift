import AIRiskResults
import AIRiskTestSupport
import AIRiskXML
import Foundation
import Testing

@testable import AIRiskReport

@Suite("JUnit XML")
struct JUnitReportTests {
    func testcases(_ r: AssessmentResults, gate: Severity) throws -> [XMLElement] {
        let doc = try XMLReader.parse(try JUnitReport.xml(r, gate: gate), fileName: "junit.xml")
        return try #require(doc.root.element(named: "testsuite")).elements(named: "testcase")
    }

    @Test("a probe fails exactly when one of its findings is at or above the gate")
    func gate() throws {
        let r = SampleResults.make()  // membership high, inversion medium, extraction critical
        let expectations: [(Severity, [Bool])] = [
            (.critical, [false, false, true]), (.high, [true, false, true]), (.medium, [true, true, true]),
            (.low, [true, true, true]),
        ]
        for (gate, failing) in expectations {
            let cases = try testcases(r, gate: gate)
            #expect(cases.map { $0.element(named: "failure") != nil } == failing, "gate \(gate)")
            #expect(r.probes.map { JUnitReport.fails($0, in: r, gate: gate) } == failing)
        }
    }

    @Test("suite counts, errors for failed probes and skips for skipped ones")
    func counts() throws {
        var r = SampleResults.make()
        r.probes[1].status = .failed(error: "no gradients")
        r.probes[2].status = .skipped(reason: "labels-only access")
        let doc = try XMLReader.parse(try JUnitReport.xml(r, gate: .high), fileName: "junit.xml")
        let suite = try #require(doc.root.element(named: "testsuite"))
        #expect(suite[attribute: "tests"] == "3")
        #expect(suite[attribute: "failures"] == "1")
        #expect(suite[attribute: "errors"] == "1")
        #expect(suite[attribute: "skipped"] == "1")
        let cases = suite.elements(named: "testcase")
        #expect(cases[1].element(named: "error")?[attribute: "message"] == "no gradients")
        #expect(cases[2].element(named: "skipped") != nil)
        #expect(cases[0].element(named: "system-out")?.text.contains("AUC = 0.81 [0.78, 0.84]") == true)
    }
}
