/// The feature columns a model takes by name, in the order of its input row: a CSV read with a selection takes
/// these columns from its header (in this order, whatever the file's order) and leaves the others out.
///
/// A scikit-learn pipeline converted from a pandas DataFrame has one input per column; the CSV that
/// `DataFrame.to_csv` writes then loads as is, text columns included: a categorical column's text becomes the
/// index of its category in ``Column/categories`` (`categories.count` for a category the model does not know).
package struct CSVColumnSelection: Sendable, Equatable {
    /// One selected column.
    package struct Column: Sendable, Equatable {
        package var name: String
        /// The categories of a text column, by index; nil for a numeric (or boolean) column.
        package var categories: [String]?

        package init(name: String, categories: [String]? = nil) {
            self.name = name
            self.categories = categories
        }
    }

    package var columns: [Column]
    /// Where the selection comes from, for messages ("the model credit.onnx").
    package var owner: String

    package init(_ columns: [Column], owner: String) {
        self.columns = columns
        self.owner = owner
    }
}
