/// Characters that steer a terminal or a text layout instead of being shown: C0 controls (ESC, BEL, CR, …),
/// DEL, C1 controls (CSI U+009B, OSC U+009D, …) and the Unicode bidirectional overrides, embeddings and
/// isolates ("Trojan Source" reordering). Text from a model file, an endpoint, a child process or a file name
/// may carry them; airisk shows them escaped (`\u{1B}`) on the terminal and never writes them raw into a report.
package enum ControlCharacters {
    /// Whether `scalar` is a control character in the sense above (tab and newline included: callers keep the
    /// layout characters they emit themselves).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, LRM/RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character except those in `keeping` written as a visible Swift-style escape,
    /// e.g. ESC as `\u{1B}` and RLO as `\u{202E}`.
    package static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = ["\n", "\t"]) -> String {
        if !text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !keeping.contains(scalar) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The visible form of one scalar: `\u{1B}`.
    package static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// JSON text from an encoder with the control characters JSON allows raw (DEL, C1, bidirectional
    /// controls) rewritten as `\uXXXX` escapes. Encoders emit these characters only inside strings, where the
    /// escape decodes to the same character, so the document still means the same.
    package static func jsonEscaped(_ json: String) -> String {
        if !json.unicodeScalars.contains(where: { $0.value >= 0x7F && isControl($0) }) { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && isControl(scalar) {
                out.append(contentsOf: jsonEscape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One scalar as a JSON `\uXXXX` escape (every control character here is in the Basic Multilingual Plane).
    package static func jsonEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
