import CLibXML2
import Foundation

/// A compiled W3C XML Schema that validates documents and reports every violation with its line.
///
/// A compiled schema is read-only once built, so one instance may validate documents from many
/// threads at once (each validation gets its own libxml2 context).
package struct XMLSchema: Sendable {
    private let compiled: CompiledSchema

    /// Compiles an XSD held in memory. `baseURL` (the XSD's own location) resolves `xs:include`
    /// and `xs:import` of sibling files; without it the schema must be self-contained.
    package init(_ data: Data, fileName: String, baseURL: URL? = nil) throws(XMLError) {
        let location = baseURL?.path ?? fileName
        let result: Result<CompiledSchema, XMLError> = LibXML.collectingErrors(file: fileName) { collector in
            let doc: xmlDocPtr
            switch LibXML.parse(data, url: location, collector: collector) {
            case .document(let parsed, let wellFormed) where wellFormed && collector.diagnostics.isEmpty:
                doc = parsed
            case .document(let parsed, _):
                xmlFreeDoc(parsed)
                return .failure(.schemaUnusable(collector.diagnostics(orElse: "schema is not well-formed XML")))
            case .doctype(let line):
                return .failure(
                    .schemaUnusable([
                        XMLDiagnostic(
                            file: fileName, line: line, message: "DOCTYPE declarations are not allowed in a schema")
                    ]))
            case .failed:
                return .failure(.schemaUnusable(collector.diagnostics(orElse: "schema is not well-formed XML")))
            }
            defer { xmlFreeDoc(doc) }
            guard let parser = xmlSchemaNewDocParserCtxt(doc) else {
                return .failure(
                    .schemaUnusable([XMLDiagnostic(file: fileName, line: 0, message: "cannot create schema parser")]))
            }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, structuredErrorHandler, collector.context)
            // Only while compiling may libxml2 open files: the schema's own includes, beside it.
            let parsedSchema = ExternalEntityGuard.allowingSchemaIncludes(beside: baseURL) { xmlSchemaParse(parser) }
            guard let schema = parsedSchema, collector.diagnostics.isEmpty else {
                if let parsedSchema { xmlSchemaFree(parsedSchema) }
                return .failure(.schemaUnusable(collector.diagnostics(orElse: "schema cannot be compiled")))
            }
            return .success(CompiledSchema(schema))
        }
        compiled = try result.get()
    }

    /// Reads and compiles the XSD at `url`; sibling files it includes are found beside it.
    package init(contentsOf url: URL) throws(XMLError) {
        try self.init(XMLReader.readFile(url), fileName: url.path, baseURL: url)
    }

    /// Every problem with `data`: well-formedness errors, or else every schema violation. Empty
    /// when the document is valid.
    package func validate(_ data: Data, fileName: String) -> [XMLDiagnostic] {
        do {
            return try XMLReader.withParsedDocument(data, fileName: fileName) { doc throws(XMLError) in
                LibXML.collectingErrors(file: fileName) { collector in
                    guard let ctxt = xmlSchemaNewValidCtxt(compiled.pointer) else {
                        return [XMLDiagnostic(file: fileName, line: 0, message: "cannot create schema validator")]
                    }
                    defer { xmlSchemaFreeValidCtxt(ctxt) }
                    xmlSchemaSetValidStructuredErrors(ctxt, structuredErrorHandler, collector.context)
                    let rc = xmlSchemaValidateDoc(ctxt, doc)
                    if rc != 0 && collector.diagnostics.isEmpty {
                        collector.add(line: 0, message: "document is not valid (libxml2 code \(rc))")
                    }
                    return collector.diagnostics
                }
            }
        } catch {
            return error.diagnostics
        }
    }

    /// Throws ``XMLError/malformed(_:)`` or ``XMLError/invalid(_:)`` (with every violation) unless
    /// `data` is valid.
    package func check(_ data: Data, fileName: String) throws(XMLError) {
        let wellFormed: Result<Void, XMLError> = Result { () throws(XMLError) in
            try XMLReader.withParsedDocument(data, fileName: fileName) { _ throws(XMLError) in () }
        }
        try wellFormed.get()
        let problems = validate(data, fileName: fileName)
        if !problems.isEmpty { throw XMLError.invalid(problems) }
    }
}

/// Owns a compiled libxml2 schema and frees it with the last reference.
private final class CompiledSchema: @unchecked Sendable {
    // libxml2 documents a compiled xmlSchema as safe for concurrent validation contexts.
    let pointer: xmlSchemaPtr

    init(_ pointer: xmlSchemaPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlSchemaFree(pointer)
    }
}
