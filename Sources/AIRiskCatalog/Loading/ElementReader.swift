import AIRiskXML
import Foundation

/// One catalog element and the file it comes from: its fields for ``ElementDecoder``, turning a missing field
/// into a located ``CatalogIssue``.
///
/// The XSDs already guarantee the structure of the bundled catalog, but a `--catalog` directory may carry its own
/// schemas, so the decoder never assumes a field is present.
struct ElementReader {
    let element: XMLElement
    let file: String

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

    func child(_ name: String) throws(CatalogError) -> ElementReader {
        guard let child = element.element(named: name) else {
            throw issue("element <\(element.name)> lacks child <\(name)>", id: element[attribute: "id"])
        }
        return ElementReader(element: child, file: file)
    }

    func children(_ name: String) -> [ElementReader] {
        element.elements(named: name).map { ElementReader(element: $0, file: file) }
    }

    /// The element's text with runs of white space (line breaks in the XML) collapsed to one space.
    var text: String { Self.normalize(element.text) }

    private static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
