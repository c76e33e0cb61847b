/// The feature columns a model takes by name, in the order of its input row: a CSV read with a selection takes
/// these columns from its header (in this order, whatever the file's order) and leaves the others out.
///
/// A scikit-learn pipeline converted from a pandas DataFrame has one input per column; the CSV that
/// `DataFrame.to_csv` writes then loads as is, text columns included: a categorical column's text becomes the
/// index of its category in ``Column/categories`` (`categories.count` for a category the model does not know).
public struct CSVColumnSelection: Sendable, Equatable {
    /// One selected column.
    public struct Column: Sendable, Equatable {
        public var name: String
        /// The categories of a text column, by index; nil for a numeric (or boolean) column.
        public var categories: [String]?

        public init(name: String, categories: [String]? = nil) {
            self.name = name
            self.categories = categories
        }
    }

    public var columns: [Column]
    /// Where the selection comes from, for messages ("the model credit.onnx").
    public var owner: String

    public init(_ columns: [Column], owner: String) {
        self.columns = columns
        self.owner = owner
    }
}
