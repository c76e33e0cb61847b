/// A model's answer for a batch of rows.
package struct ModelOutput: Sendable, Equatable {
    package var kind: OutputKind
    package var rows: Int
    /// Values per row: `width` scores for probabilities, logits and regression; for sequences
    /// `steps × classes` per row; empty for labels-only answers.
    package var scores: [Float]
    package var width: Int
    /// The predicted class of each row (classifiers; for sequences, of the last step).
    package var labels: [Int]

    package init(kind: OutputKind, rows: Int, scores: [Float], width: Int, labels: [Int]) {
        self.kind = kind
        self.rows = rows
        self.scores = scores
        self.width = width
        self.labels = labels
    }

    /// The scores of one row.
    package func row(_ i: Int) -> ArraySlice<Float> {
        scores[(i * width)..<((i + 1) * width)]
    }
}
