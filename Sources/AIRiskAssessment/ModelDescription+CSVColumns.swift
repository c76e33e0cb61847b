import AIRiskAccess
import AIRiskData

extension ModelDescription {
    /// The CSV columns this model takes by name (its ``inputColumns``), for reading its data; nil for a model
    /// with one plain tensor input, whose CSV rows are every column but the label.
    package var csvColumns: CSVColumnSelection? {
        inputColumns.map { columns in
            CSVColumnSelection(
                columns.map { column in
                    if let categories = column.domain.indexedValues {
                        return CSVColumnSelection.Column(name: column.name, categories: categories)
                    }
                    return CSVColumnSelection.Column(name: column.name)
                }, owner: "the model \(name)")
        }
    }
}
