import AIRiskCatalog

/// `airisk catalog show` was given an ID the catalog does not define.
struct CatalogLookupError: Error, CustomStringConvertible {
    var id: String
    /// IDs that contain what was typed, to suggest.
    var suggestions: [String]

    init(id: String, in catalog: Catalog) {
        self.id = id
        let needle = id.lowercased()
        suggestions = needle.isEmpty ? [] : catalog.entries.map(\.id).filter { $0.lowercased().contains(needle) }
    }

    var description: String {
        var text = "no catalog entry has the ID \"\(id)\""
        if !suggestions.isEmpty {
            text += "; did you mean " + suggestions.prefix(8).joined(separator: ", ") + "?"
        } else {
            text += "; `airisk catalog list` shows every ID"
        }
        return text
    }
}
