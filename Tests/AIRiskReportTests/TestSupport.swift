import AIRiskTestSupport
import Foundation
import Testing

/// Paths and helpers shared by the report tests.
enum TestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether `python3` on PATH imports jsonschema and regex (OSCAL's `\p{L}` patterns need regex); the schema
    /// tests are enabled only then, and .ci/run installs both into its venv.
    static let jsonSchemaAvailable = TestEnvironment.pythonImports("jsonschema, regex")
    static let jsonSchemaMissing: Comment =
        "python3 with jsonschema and regex is not available (pip install jsonschema regex, or run .ci/run)"

    /// Validates `document` against the JSON schema at `schema` with Python's jsonschema: the validator's
    /// complaints ("" when valid). Callers are enabled only when ``jsonSchemaAvailable``.
    static func jsonSchemaErrors(document: Data, schema: URL) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("doc.json")
        try document.write(to: doc)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            doc = json.load(open(sys.argv[2]))
            cls = jsonschema.validators.validator_for(schema)
            try:
                # OSCAL's patterns use \\p{L}, which Python's re lacks; the regex module reads them.
                import regex
                def pattern(validator, patrn, instance, schema):
                    if validator.is_type(instance, "string") and not regex.search(patrn, instance):
                        yield jsonschema.ValidationError("%r does not match %r" % (instance, patrn))
                cls = jsonschema.validators.extend(cls, {"pattern": pattern})
            except ImportError:
                pass
            errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:20]:
                print('/'.join(map(str, e.path)) + ': ' + e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, doc.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return ""
        case 3, 127: return "python3 with jsonschema is not available"
        default: return text.isEmpty ? "validator exited with \(process.terminationStatus)" : text
        }
    }
}
