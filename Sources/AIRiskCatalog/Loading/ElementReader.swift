import AIRiskXML
import Foundation

/// Reads the fields of one catalog element, turning a missing or ill-typed field into a located ``CatalogIssue``.
///
/// The XSDs already guarantee the structure of the bundled catalog, but a `--catalog` directory may carry its own
/// schemas, so the parsers never assume a field is present.
struct ElementReader {
    let element: XMLElement
    let file: String

    var location: SourceLocation { SourceLocation(file: file, line: element.line) }

    func issue(_ message: String, id: String? = nil) -> CatalogError {
        .schemaViolation([CatalogIssue(file: file, line: element.line, id: id, message: message)])
    }

    func attribute(_ name: String) throws(CatalogError) -> String {
        guard let value = element[attribute: name] else {
            throw issue("element <\(element.name)> lacks attribute \"\(name)\"", id: element[attribute: "id"])
        }
        return value
    }

    func optional(_ name: String) -> String? { element[attribute: name] }

    func int(_ name: String) throws(CatalogError) -> Int {
        let raw = try attribute(name)
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw issue("attribute \"\(name)\" of <\(element.name)> is not an integer: \(raw)")
        }
        return value
    }

    func double(_ name: String) throws(CatalogError) -> Double? {
        guard let raw = element[attribute: name] else { return nil }
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)) else {
            throw issue("attribute \"\(name)\" of <\(element.name)> is not a number: \(raw)")
        }
        return value
    }

    func status(_ name: String = "status") throws(CatalogError) -> VerificationStatus {
        let raw = try attribute(name)
        guard let value = VerificationStatus(rawValue: raw) else {
            throw issue("attribute \"\(name)\" of <\(element.name)> must be verified, inferred or unverified: \(raw)")
        }
        return value
    }

    func child(_ name: String) throws(CatalogError) -> ElementReader {
        guard let child = element.element(named: name) else {
            throw issue("element <\(element.name)> lacks child <\(name)>", id: element[attribute: "id"])
        }
        return ElementReader(element: child, file: file)
    }

    func children(_ name: String) -> [ElementReader] {
        element.elements(named: name).map { ElementReader(element: $0, file: file) }
    }

    /// Every `name` child, in document order, read by `read` (one of the entry types' `init(_:)`); the first
    /// child that fails stops the reading with its issue.
    func children<Entry>(
        _ name: String, as read: (ElementReader) throws(CatalogError) -> Entry
    ) throws(CatalogError) -> [Entry] {
        var entries: [Entry] = []
        for child in children(name) { entries.append(try read(child)) }
        return entries
    }

    /// A ``CatalogReference`` for every `name` child, read from its `attribute`.
    func references(_ name: String, attribute: String = "ref") throws(CatalogError) -> [CatalogReference] {
        try children(name) { (child) throws(CatalogError) in try CatalogReference(child, attribute: attribute) }
    }

    /// The element's text with runs of white space (line breaks in the XML) collapsed to one space.
    var text: String { Self.normalize(element.text) }

    func childText(_ name: String) -> String? {
        element.element(named: name).map { Self.normalize($0.text) }
    }

    /// The `<name lang="ja">` and `<name lang="en">` children.
    func names() throws(CatalogError) -> LocalizedName {
        var ja: String?
        var en: String?
        for name in children("name") {
            switch name.optional("lang") {
            case "ja": ja = name.text
            case "en": en = name.text
            default: break
            }
        }
        guard let ja, let en else {
            throw issue("<\(element.name)> needs a Japanese and an English <name>", id: element[attribute: "id"])
        }
        return LocalizedName(ja: ja, en: en)
    }

    func paper() throws(CatalogError) -> Paper? {
        guard let p = element.element(named: "paper").map({ ElementReader(element: $0, file: file) }) else {
            return nil
        }
        var paper = Paper(status: try p.status())
        paper.title = p.childText("title")
        if let year = p.childText("year") {
            guard let value = Int(year) else { throw p.issue("<year> is not a year: \(year)") }
            paper.year = value
        }
        if let authors = p.element.element(named: "authors").map({ ElementReader(element: $0, file: file) }) {
            paper.authors = authors.children("author").map(\.text)
            paper.authorsStatus = try authors.status()
        }
        paper.venue = p.childText("venue")
        paper.url = p.childText("url")
        return paper
    }

    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
