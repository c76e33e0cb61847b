/// A small table a probe reports, such as per-class inversion results.
package struct ResultTable: Sendable, Equatable, Codable {
    /// What code finds the table by; nil in documents written before identities existed.
    package var id: MetricID?
    package var title: String
    package var columns: [String]
    package var rows: [[TableCell]]

    package init(id: MetricID? = nil, title: String, columns: [String], rows: [[TableCell]]) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
