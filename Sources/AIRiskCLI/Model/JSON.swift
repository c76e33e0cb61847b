import AIRiskXML
import Foundation

/// Pretty, key-sorted JSON for command output.
enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // JSONEncoder escapes C0 controls only; DEL, C1 and bidirectional controls are escaped here.
        return ControlCharacters.jsonEscaped(String(decoding: try e.encode(value), as: UTF8.self))
    }
}
