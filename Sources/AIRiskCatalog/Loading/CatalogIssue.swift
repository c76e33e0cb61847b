/// One problem in a catalog, located by file and line and naming the offending ID when there is one.
package struct CatalogIssue: Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// 1-based line; 0 when unknown.
    package var line: Int
    /// The ID that is duplicated, dangling or inconsistent, if the problem concerns one.
    package var id: String?
    package var message: String

    package var description: String { "\(file):\(line): \(message)" }
}
