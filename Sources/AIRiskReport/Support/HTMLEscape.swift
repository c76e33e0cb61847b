/// Escaping for text placed in HTML or SVG (element content and quoted attribute values).
enum HTMLEscape {
    /// `text` with `& < > " '` replaced by character references and characters XML cannot carry removed.
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
            default:
                switch scalar.value {
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                    out.unicodeScalars.append(scalar)
                default: break
                }
            }
        }
        return out
    }
}
