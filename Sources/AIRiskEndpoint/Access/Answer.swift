/// A decoded answer for a batch of rows.
enum Answer: Sendable, Equatable {
    /// `width` float values per row, row-major.
    case scores([Float], width: Int)
    /// One class index per row.
    case labels([Int])
}
