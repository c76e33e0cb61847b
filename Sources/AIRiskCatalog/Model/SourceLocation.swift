/// Where a catalog entry was read from, so that errors and tools can point at it.
package struct SourceLocation: Sendable, Equatable, Encodable, ElementProperty, CustomStringConvertible {
    /// The catalog file, as named when loading (a path, or `<bundled>/name` for the built-in catalog).
    package var file: String
    /// 1-based line of the entry's element.
    package var line: Int

    /// Where the entry's element is.
    package init(from decoder: any Decoder) throws {
        let r = try ElementDecoder.element(of: decoder)
        file = r.file
        line = r.element.line
    }

    package var description: String { "\(file):\(line)" }
}
