/// Escaping for text placed inside a double-quoted CSS string (the print header's `content`): every character
/// but ASCII letters, digits, space, `.`, `-` and `_` becomes a hexadecimal escape, so no value can end the
/// string, the rule or the `<style>` element.
enum CSSEscape {
    static func string(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let plain =
                (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || scalar == " " || scalar == "." || scalar == "-" || scalar == "_"
            if plain {
                out.unicodeScalars.append(scalar)
            } else if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                // Control characters are dropped: a print header has no use for them.
                continue
            } else {
                out += "\\" + String(v, radix: 16) + " "
            }
        }
        return out
    }
}
