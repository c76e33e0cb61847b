/// Where a catalog entry was read from, so that errors and tools can point at it.
public struct SourceLocation: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The catalog file, as named when loading (a path, or `<bundled>/name` for the built-in catalog).
    public var file: String
    /// 1-based line of the entry's element.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
