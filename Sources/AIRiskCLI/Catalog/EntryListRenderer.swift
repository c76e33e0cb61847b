import AIRiskCatalog

/// Renders the catalog's IDs and names, grouped by kind, for `airisk catalog list`.
enum EntryListRenderer {
    static func text(_ c: Catalog, kind: CatalogEntryKind?, language: Language) -> String {
        var lines: [String] = []
        for k in kinds(kind) {
            let entries = c.entries(of: k)
            guard !entries.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append("\(k.title) [\(k.rawValue)]")
            let idWidth = entries.map { TerminalText.width($0.id) }.max() ?? 0
            for e in entries {
                lines.append(
                    "  " + TerminalText.pad(e.id, to: idWidth) + "  " + EntryRelations.displayName(e, language))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ c: Catalog, kind: CatalogEntryKind?, language: Language) throws -> String {
        struct Item: Encodable {
            var id: String
            var kind: CatalogEntryKind
            var name: String
            var file: String
            var line: Int
        }
        let items = kinds(kind).flatMap { k in
            c.entries(of: k).map {
                Item(id: $0.id, kind: k, name: $0.name(language), file: $0.location.file, line: $0.location.line)
            }
        }
        return try JSON.encode(items)
    }

    private static func kinds(_ kind: CatalogEntryKind?) -> [CatalogEntryKind] {
        kind.map { [$0] } ?? CatalogEntryKind.allCases
    }
}
