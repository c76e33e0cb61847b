/// A small table a probe reports, such as per-class inversion results.
public struct ResultTable: Sendable, Equatable, Codable {
    public var title: String
    public var columns: [String]
    public var rows: [[TableCell]]

    public init(title: String, columns: [String], rows: [[TableCell]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
