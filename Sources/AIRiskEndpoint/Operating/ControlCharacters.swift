/// Control characters in text that came from a server or a child process, written visibly
/// (`\u{1B}`) so that an error message cannot move the cursor, retitle the terminal or ring it.
enum ControlCharacters {
    /// `text` with C0 controls, DEL and C1 controls escaped; newlines and tabs kept when
    /// `keepingLines` (a multi-line stderr tail), else escaped too.
    static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            let v = u.value
            if keepingLines, u == "\n" || u == "\t" {
                out.unicodeScalars.append(u)
            } else if v < 0x20 || (0x7F...0x9F).contains(v) {
                out += "\\u{\(String(v, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
