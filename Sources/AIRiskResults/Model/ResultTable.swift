/// A small table a probe reports, such as per-class inversion results.
public struct ResultTable: Sendable, Equatable, Codable {
    /// What code finds the table by; nil in documents written before identities existed.
    public var id: MetricID?
    public var title: String
    public var columns: [String]
    public var rows: [[TableCell]]

    public init(id: MetricID? = nil, title: String, columns: [String], rows: [[TableCell]]) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
