/// One problem found in a document, located by file and line.
package struct XMLDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// 1-based line; 0 when libxml2 could not tell.
    package var line: Int
    package var message: String

    package var description: String { "\(file):\(line): \(message)" }
}
