import AIRiskResults
import AIRiskXML
import Foundation

/// The results document as JSON for scripts: the same content as the XML, field for field (the model's
/// Codable form), keys sorted, dates in ISO 8601, PNG bytes in base64.
public enum JSONReport {
    public static func data(_ results: AssessmentResults) throws(ReportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            // JSONEncoder escapes C0 controls only; DEL, C1 and bidirectional controls are escaped here.
            let json = String(decoding: try encoder.encode(results), as: UTF8.self)
            return Data(ControlCharacters.jsonEscaped(json).utf8)
        } catch {
            throw .encoding(format: "JSON", reason: "\(error)")
        }
    }

    /// Reads the JSON form back (for scripts written in Swift and for tests).
    public static func decode(_ data: Data) throws(ReportError) -> AssessmentResults {
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
