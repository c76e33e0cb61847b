/// `airisk bench` refusals, each with a hint at the fix.
enum ModelBenchmarkError: Error, CustomStringConvertible {
    case badBatch(value: String)
    case noRows

    var description: String {
        switch self {
        case .badBatch(let value):
            "--batch: '\(value)' is not a batch size; give whole numbers from 1 to \(ModelBenchmark.maxBatch) separated by commas, e.g. --batch 1,256"
        case .noRows:
            "the data file has no rows; give at least one row to time the model on"
        }
    }
}
