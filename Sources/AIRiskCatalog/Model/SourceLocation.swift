/// Where a catalog entry was read from, so that errors and tools can point at it.
package struct SourceLocation: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The catalog file, as named when loading (a path, or `<bundled>/name` for the built-in catalog).
    package var file: String
    /// 1-based line of the entry's element.
    package var line: Int

    package var description: String { "\(file):\(line)" }
}
