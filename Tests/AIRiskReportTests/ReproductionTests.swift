import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

@Suite("Renderings reproduce from the canonical XML alone")
struct ReproductionTests {
    @Test(
        "every format rendered from the model equals the one rendered from its written-and-read XML",
        arguments: ReportFormat.allCases)
    func reproduce(format: ReportFormat) throws {
        let sample = SampleResults.make()
        let reread = try ResultsDocument.read(try ResultsDocument.data(for: sample), fileName: "results.xml")
        for language in ReportLanguage.allCases {
            let options = ReportWriter.Options(language: language, failOn: .medium)
            #expect(
                try ReportWriter.render(sample, format: format, options: options)
                    == ReportWriter.render(reread, format: format, options: options))
        }
    }

    @Test("the JSON form decodes back to the same model")
    func jsonRoundTrip() throws {
        let sample = SampleResults.make()
        #expect(try JSONReport.decode(try JSONReport.data(sample)) == sample)
    }
}
