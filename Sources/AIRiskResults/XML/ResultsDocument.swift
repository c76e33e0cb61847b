import AIRiskSupport
import AIRiskXML
import Foundation

/// The XML form of ``AssessmentResults``: namespace `urn:airisk:results:1`, schema `Resources/results.xsd`
/// (compiled into the binary, so an installed tool validates from any directory).
///
/// Writing validates before anything touches the disk and replaces the file atomically; reading validates and
/// then rebuilds the exact model, so every rendering can be reproduced from the file alone.
package enum ResultsDocument {
    package static let namespace = "urn:airisk:results:1"

    /// The results schema's text, embedded from Resources/results.xsd at build time.
    package static var schemaText: String { BundledResultsSchema.xsd }

    /// The compiled results schema.
    package static func schema() throws(ResultsError) -> XMLSchema {
        do {
            return try XMLSchema(Data(schemaText.utf8), fileName: "results.xsd")
        } catch {
            throw .xml(error)
        }
    }

    /// The document's XML tree (not yet validated).
    package static func element(for results: AssessmentResults) -> XMLElement {
        ResultsXMLEncoder.element(for: results)
    }

    /// The serialised document, validated against the results schema.
    package static func data(for results: AssessmentResults) throws(ResultsError) -> Data {
        let data: Data
        do {
            data = try XMLWriter.data(for: element(for: results))
        } catch {
            throw .xml(error)
        }
        do {
            try schema().check(data, fileName: "results.xml")
        } catch let error as ResultsError {
            throw error
        } catch {
            throw .xml(error as? XMLError ?? .unwritable(.other(reason: "\(error)")))
        }
        return data
    }

    /// Validates and writes the document to `url`, atomically (temporary file beside it, then rename).
    package static func write(_ results: AssessmentResults, to url: URL) throws(ResultsError) {
        try AtomicFile.write(try data(for: results), to: url)
    }

    /// Every problem with a would-be results document (not well-formed, or each schema violation with its
    /// line); empty when it is valid. For `airisk validate`.
    package static func validate(_ data: Data, fileName: String) throws(ResultsError) -> [XMLDiagnostic] {
        try schema().validate(data, fileName: fileName)
    }

    /// Parses, validates and decodes a results document.
    package static func read(_ data: Data, fileName: String) throws(ResultsError) -> AssessmentResults {
        let document: AIRiskXML.XMLDocument
        do {
            document = try XMLReader.parse(data, fileName: fileName)
        } catch {
            throw .xml(error)
        }
        guard document.root.name == "results", document.root.namespace == namespace else {
            throw .invalidValue(
                file: fileName, line: document.root.line, field: "root element",
                value: "{\(document.root.namespace ?? "")}\(document.root.name)",
                reason: "is not an airisk results document ({\(namespace)}results)")
        }
        let problems = try schema().validate(data, fileName: fileName)
        if !problems.isEmpty { throw .xml(.invalid(problems)) }
        return try ResultsXMLDecoder(file: fileName).results(document.root)
    }

    /// Reads a results document from a file.
    package static func read(contentsOf url: URL) throws(ResultsError) -> AssessmentResults {
        if let problem = RegularFile.problem(at: url.path) {
            throw .xml(.unreadable(file: url.path, reason: problem))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .xml(.unreadable(file: url.path, reason: error.localizedDescription))
        }
        return try read(data, fileName: url.path)
    }
}
