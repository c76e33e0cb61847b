import AIRiskCatalog

/// Renders the AI Security Matrix as a width-aware terminal table or as JSON.
enum MatrixRenderer {
    /// The matrix as a table of stage | attack class | techniques | defenses, at most `width` columns wide.
    static func text(_ catalog: Catalog, language: Language, width: Int) -> String {
        let matrix = catalog.matrix
        let headers =
            language == .ja
            ? ["開発工程", "攻撃分類", "攻撃手法", "防御手法"] : ["Stage", "Attack class", "Techniques", "Defenses"]
        let columns = columnWidths(matrix, language: language, headers: headers, total: width)
        var out: [String] = []
        let title =
            language == .ja
            ? "AIセキュリティ・マトリックス (\(matrix.source))" : "AI Security Matrix (\(matrix.source))"
        out.append(title)
        let rule = separator(columns, blankFirst: false, fill: "-")
        out.append(rule)
        out += row([[headers[0]], [headers[1]], [headers[2]], [headers[3]]], columns)
        out.append(separator(columns, blankFirst: false, fill: "="))
        for stage in matrix.stages {
            let classes = matrix.classes(inStage: stage.id)
            for (i, cls) in classes.enumerated() {
                let stageCell = i == 0 ? TerminalText.wrap(stage.name.text(language), columns: columns[0]) : []
                let classCell = TerminalText.wrap(cls.name.text(language), columns: columns[1])
                let techniques = matrix.techniques(inClass: cls.id).flatMap {
                    TerminalText.wrapItem(techniqueLabel($0, language), columns: columns[2])
                }
                let defenses = matrix.defenses(inClass: cls.id).flatMap {
                    TerminalText.wrapItem($0.name.text(language), columns: columns[3])
                }
                out += row([stageCell, classCell, techniques, defenses], columns)
                let last = i == classes.count - 1
                out.append(separator(columns, blankFirst: !last, fill: "-"))
            }
        }
        if matrix.techniques.contains(where: { $0.source == .airisk }) {
            out.append(
                language == .ja
                    ? "(*) airisk が実装する手法としてこのセルに追加したもの (MBSD のマトリックスには無い)"
                    : "(*) added to this cell by airisk as a technique it implements; not an entry of MBSD's matrix")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A technique's name, marked `(*)` when airisk rather than MBSD placed it in the matrix.
    static func techniqueLabel(_ technique: Technique, _ language: Language) -> String {
        let name = technique.name.text(language)
        return technique.source == .airisk ? name + " (*)" : name
    }

    /// The matrix as JSON: stages, each with its classes, techniques and defenses (IDs and names).
    static func json(_ catalog: Catalog, language: Language) throws -> String {
        struct Item: Encodable {
            var id: String
            var name: String
            var status: VerificationStatus
            /// "MBSD", or "airisk" for techniques airisk placed in the matrix.
            var source: String?
        }
        struct Cell: Encodable {
            var id: String
            var name: String
            var techniques: [Item]
            var defenses: [Item]
        }
        struct StageRow: Encodable {
            var id: String
            var name: String
            var classes: [Cell]
        }
        struct Document: Encodable {
            var source: String
            var language: Language
            var stages: [StageRow]
        }
        let m = catalog.matrix
        let stages = m.stages.map { stage in
            StageRow(
                id: stage.id, name: stage.name.text(language),
                classes: m.classes(inStage: stage.id).map { cls in
                    Cell(
                        id: cls.id, name: cls.name.text(language),
                        techniques: m.techniques(inClass: cls.id).map {
                            Item(
                                id: $0.id, name: $0.name.text(language), status: $0.status,
                                source: $0.source.rawValue)
                        },
                        defenses: m.defenses(inClass: cls.id).map {
                            Item(id: $0.id, name: $0.name.text(language), status: $0.status, source: nil)
                        })
                })
        }
        return try JSON.encode(Document(source: m.source, language: language, stages: stages))
    }

    /// Content widths of the four columns, fitting `total` columns including borders where possible.
    static func columnWidths(
        _ matrix: SecurityMatrix, language: Language, headers: [String], total: Int
    ) -> [Int] {
        let available = max(4 * 8, total - 13)
        func natural(_ texts: [String], _ header: String) -> Int {
            (texts.map(TerminalText.width) + [TerminalText.width(header)]).max() ?? 8
        }
        let stage = min(natural(matrix.stages.map { $0.name.text(language) }, headers[0]), max(8, available * 18 / 100))
        let cls = min(natural(matrix.classes.map { $0.name.text(language) }, headers[1]), max(8, available * 20 / 100))
        let techniqueNatural = natural(matrix.techniques.map { techniqueLabel($0, language) }, headers[2]) + 2
        let defenseNatural = natural(matrix.defenses.map { $0.name.text(language) }, headers[3]) + 2
        let rest = available - stage - cls
        if techniqueNatural + defenseNatural <= rest {
            return [stage, cls, techniqueNatural, rest - techniqueNatural]
        }
        let technique = max(8, min(techniqueNatural, rest * 45 / 100))
        return [stage, cls, technique, max(8, rest - technique)]
    }

    private static func separator(_ columns: [Int], blankFirst: Bool, fill: Character) -> String {
        var parts: [String] = []
        for (i, w) in columns.enumerated() {
            parts.append(
                i == 0 && blankFirst ? String(repeating: " ", count: w + 2) : String(repeating: fill, count: w + 2))
        }
        let first = blankFirst ? "|" : "+"
        return first + parts.joined(separator: "+") + "+"
    }

    private static func row(_ cells: [[String]], _ columns: [Int]) -> [String] {
        let height = max(1, cells.map(\.count).max() ?? 1)
        return (0..<height).map { lineIndex in
            let parts = cells.enumerated().map { (i, lines) in
                TerminalText.pad(lineIndex < lines.count ? lines[lineIndex] : "", to: columns[i])
            }
            return "| " + parts.joined(separator: " | ") + " |"
        }
    }
}
