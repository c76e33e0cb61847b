/// One problem in a catalog, located by file and line and naming the offending ID when there is one.
public struct CatalogIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// The ID that is duplicated, dangling or inconsistent, if the problem concerns one.
    public var id: String?
    public var message: String

    public init(file: String, line: Int, id: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.id = id
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
