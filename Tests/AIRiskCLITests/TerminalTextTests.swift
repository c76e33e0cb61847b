import Testing

@testable import AIRiskCLI

@Suite("Terminal text measuring and wrapping")
struct TerminalTextTests {
    @Test("East Asian wide characters count as two columns, ASCII as one")
    func widths() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("データ窃取") == 10)
        #expect(TerminalText.width("AIによる検出") == 2 + 10)
        #expect(TerminalText.width("Tramèr") == 6)
        #expect(TerminalText.pad("窃取", to: 6) == "窃取  ")
    }

    @Test("wrapping never exceeds the width and keeps every character")
    func wrapFits() {
        let texts = [
            "最新バージョンの機械学習フレームワークの利用", "Use the latest ML-framework version",
            "FGSM(Fast Gradient Sign Method)", "Supercalifragilisticexpialidocious",
        ]
        for text in texts {
            for columns in [6, 9, 13, 20] {
                let lines = TerminalText.wrap(text, columns: columns)
                #expect(lines.allSatisfy { TerminalText.width($0) <= columns }, "\(text) at \(columns): \(lines)")
                #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            }
        }
    }

    @Test("English breaks at spaces; Japanese breaks between characters but not before ー")
    func breakPoints() {
        #expect(
            TerminalText.wrap("Run the AI with least privilege", columns: 12) == [
                "Run the AI", "with least", "privilege",
            ])
        let ja = TerminalText.wrap("フレームワーク", columns: 4)
        #expect(ja.allSatisfy { !$0.hasPrefix("ー") })
    }

    @Test("list items get a hanging indent")
    func items() {
        #expect(
            TerminalText.wrapItem("Mask gradient information", columns: 14) == [
                "- Mask", "  gradient", "  information",
            ])
    }
}
