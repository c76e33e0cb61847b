import AIRiskSupport

/// Pretty, key-sorted JSON for command output, through the shared writer.
enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String { try JSONWriter.encode(value) }
}
