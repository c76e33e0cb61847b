import AIRiskTestSupport
import AIRiskXML
import Foundation
import Testing

@testable import AIRiskResults

/// The typed values code reads back (metric, curve and table IDs, target FPRs, defense settings) survive the XML
/// form, validate against results.xsd, and documents without them still read.
@Suite("Metric IDs and typed values in the results document")
struct MetricIDTests {
    static func typedSample() -> AssessmentResults {
        var sample = SampleResults.make()
        sample.probes[0].metrics.append(
            Metric(
                id: .membershipTPR(atFPR: 0.01), name: "TPR at 1 % FPR", value: 0.09, unit: "fraction",
                ciLow: 0.06, ciHigh: 0.13, targetFPR: 0.01))
        sample.probes[0].metrics[0].id = .membershipAUC
        sample.probes[0].tables.append(
            ResultTable(id: .membershipAttacksTable, title: "Attacks", columns: ["Attack"], rows: [[.text("loss")]]))
        sample.probes[2].curves.append(
            Curve(
                id: .extractionFidelityCurve, title: "Fidelity versus queries", xLabel: "queries", yLabel: "fidelity",
                series: [CurveSeries(name: "public", points: [CurvePoint(x: 50, y: 0.8)])]))
        sample.findings[0].targetFPR = 0.01
        sample.defenses[0].setting = "l2:0.01"
        sample.defenses[0].measurements = [
            DefenseMeasurement(
                probeID: "membership", metric: "Attack AUC", metricID: .membershipAUC, before: 0.81, after: 0.62),
            DefenseMeasurement(
                probeID: "membership", metric: "Severity (0 note … 4 critical)", metricID: .severityRank, before: 3,
                after: 1),
        ]
        return sample
    }

    @Test("IDs, target FPRs and settings round-trip and validate against the bundled schema")
    func roundTrip() throws {
        let sample = Self.typedSample()
        let data = try ResultsDocument.data(for: sample)
        #expect(try ResultsDocument.validate(data, fileName: "typed.xml").isEmpty)
        let text = String(decoding: data, as: UTF8.self)
        for needle in [
            "id=\"membership.tpr_at_1pct_fpr\"", "targetFPR=\"0.01\"", "setting=\"l2:0.01\"",
            "metricID=\"severity_rank\"", "id=\"extraction.fidelity_curve\"", "id=\"membership.attacks\"",
        ] {
            #expect(text.contains(needle), "document lacks \(needle)")
        }
        let back = try ResultsDocument.read(data, fileName: "typed.xml")
        #expect(back == sample)
        #expect(back.probes[0].metric(.membershipTPR(atFPR: 0.01))?.targetFPR == 0.01)
    }

    @Test("a document without typed values (written before they existed) validates and reads with them nil")
    func olderDocument() throws {
        let sample = SampleResults.make()
        let data = try ResultsDocument.data(for: sample)
        #expect(!String(decoding: data, as: UTF8.self).contains("metricID="))
        #expect(try ResultsDocument.validate(data, fileName: "old.xml").isEmpty)
        let back = try ResultsDocument.read(data, fileName: "old.xml")
        #expect(back.probes.allSatisfy { $0.metrics.allSatisfy { $0.id == nil } })
        #expect(back.defenses.allSatisfy { $0.setting == nil })
    }

    @Test("an ID outside the lower-snake-case convention is refused before writing, naming the attribute")
    func malformedID() throws {
        var sample = SampleResults.make()
        sample.probes[0].metrics[0].id = MetricID(rawValue: "Attack AUC")
        let error = #expect(throws: ResultsError.self) { try ResultsDocument.data(for: sample) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("attribute 'id'"))
    }
}
