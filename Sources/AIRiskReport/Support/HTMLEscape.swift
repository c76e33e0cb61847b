import AIRiskSupport
import AIRiskXML

/// Escaping for text placed in HTML or SVG (element content and quoted attribute values).
enum HTMLEscape {
    /// `text` with `& < > " '` replaced by character references, control characters (ESC, BEL, C1 controls,
    /// bidirectional overrides; not tab, newline or carriage return) shown as visible escapes such as `\u{1B}`,
    /// and the other characters XML cannot carry removed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if ControlCharacters.isControl(scalar) {
                    out += ControlCharacters.visible(scalar)
                    continue
                }
                switch scalar.value {
                case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                    out.unicodeScalars.append(scalar)
                default: break
                }
            }
        }
        return out
    }
}
