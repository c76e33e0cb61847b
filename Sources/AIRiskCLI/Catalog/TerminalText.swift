/// Measures and wraps text for a terminal, counting East Asian wide and fullwidth characters as two columns.
enum TerminalText {
    /// The number of terminal columns `text` occupies.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns of one grapheme cluster: 0 for combining and zero-width marks, 2 for wide and fullwidth characters.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v < 0x1100 { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// `text` padded with spaces to `columns` display columns.
    static func pad(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    /// Wraps `text` into lines of at most `columns` display columns. Breaks at spaces, between wide characters
    /// (Japanese has no spaces) and, for a word longer than a line, inside the word.
    static func wrap(_ text: String, columns: Int) -> [String] {
        let limit = max(1, columns)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for token in tokens(text) {
            let w = width(token.text)
            let gap = (token.spaceBefore && !line.isEmpty) ? 1 : 0
            if lineWidth + gap + w <= limit {
                if gap == 1 { line += " " }
                line += token.text
                lineWidth += gap + w
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A token wider than the line is split by characters.
            for ch in token.text {
                let cw = width(of: ch)
                if lineWidth + cw > limit && !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(ch)
                lineWidth += cw
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Wraps a list item with a hanging indent: `- first line` then two spaces before each continuation.
    static func wrapItem(_ text: String, columns: Int) -> [String] {
        let body = wrap(text, columns: max(1, columns - 2))
        return body.enumerated().map { $0.offset == 0 ? "- " + $0.element : "  " + $0.element }
    }

    private static let noLineStart: Set<Character> = Set("ー、。，．・：；？！）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々")

    private struct Token {
        var text: String
        var spaceBefore: Bool
    }

    /// Words of narrow characters, and each wide character on its own (so lines may break between them).
    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var spaceBefore = false
        var pendingSpace = false
        func flush() {
            if !word.isEmpty { tokens.append(Token(text: word, spaceBefore: spaceBefore)) }
            word = ""
        }
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" {
                flush()
                pendingSpace = true
                continue
            }
            if width(of: ch) == 2 {
                flush()
                // Japanese line-breaking rules: a small kana, prolonged sound mark or closing punctuation never
                // starts a line, so it stays with the character before it.
                if !pendingSpace, noLineStart.contains(ch), let last = tokens.indices.last {
                    tokens[last].text.append(ch)
                    continue
                }
                tokens.append(Token(text: String(ch), spaceBefore: pendingSpace))
                pendingSpace = false
                continue
            }
            if word.isEmpty {
                spaceBefore = pendingSpace
                pendingSpace = false
            }
            word.append(ch)
        }
        flush()
        return tokens
    }
}
