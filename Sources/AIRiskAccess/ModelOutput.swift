/// A model's answer for a batch of rows.
public struct ModelOutput: Sendable, Equatable {
    public var kind: OutputKind
    public var rows: Int
    /// Values per row: `width` scores for probabilities, logits and regression; for sequences
    /// `steps × classes` per row; empty for labels-only answers.
    public var scores: [Float]
    public var width: Int
    /// The predicted class of each row (classifiers; for sequences, of the last step).
    public var labels: [Int]

    public init(kind: OutputKind, rows: Int, scores: [Float], width: Int, labels: [Int]) {
        self.kind = kind
        self.rows = rows
        self.scores = scores
        self.width = width
        self.labels = labels
    }

    /// The scores of one row.
    public func row(_ i: Int) -> ArraySlice<Float> {
        scores[(i * width)..<((i + 1) * width)]
    }
}
