import AIRiskResults
import AIRiskSupport
import AIRiskXML
import Foundation

/// The results document as JSON for scripts: the same content as the XML, field for field (the model's
/// Codable form), keys sorted, dates in ISO 8601, PNG bytes in base64.
package enum JSONReport {
    package static func data(_ results: AssessmentResults) throws(ReportError) -> Data {
        do {
            return Data(try JSONWriter.encode(results).utf8)
        } catch {
            throw .encoding(format: "JSON", reason: "\(error)")
        }
    }

    /// Reads the JSON form back (for scripts written in Swift and for tests).
    package static func decode(_ data: Data) throws(ReportError) -> AssessmentResults {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.dataDecodingStrategy = .base64
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(AssessmentResults.self, from: data)
        } catch {
            throw .encoding(format: "JSON", reason: "\(error)")
        }
    }
}
