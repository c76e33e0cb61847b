import AIRiskTensor

extension Dataset {
    /// Checks that this data set can be fed to a model input and, when `classCount` is given, that its labels
    /// are class indices of that model. Throws ``DataError/modelMismatch(source:reason:)`` with a message that
    /// says what differs, e.g. "members.npy has 30 features per row but model input 'float_input' expects 64".
    /// The batch (first) dimension is not compared: any number of rows can be fed.
    public func checkCompatible(with input: ValueInfo, classCount: Int? = nil) throws {
        if let type = input.elementType, !["float32", "float"].contains(type) {
            throw DataError.modelMismatch(
                source: source,
                reason: "model input '\(input.name)' expects \(type) elements, but data sets are read as float32 "
                    + "features")
        }
        if let declared = input.shape {
            let expectedRow = Array(declared.dropFirst())
            let row = rowShape
            if declared.isEmpty {
                throw DataError.modelMismatch(
                    source: source, reason: "model input '\(input.name)' is a scalar, not a batch of rows")
            }
            if expectedRow.count == 1, row.count == 1 {
                if case .fixed(let d) = expectedRow[0], d != row[0] {
                    throw DataError.modelMismatch(
                        source: source,
                        reason: "\(source) has \(row[0]) features per row but model input '\(input.name)' "
                            + "expects \(d)")
                }
            } else if expectedRow.count != row.count || !zip(expectedRow, row).allSatisfy(Self.matches) {
                let want = "[" + expectedRow.map(\.description).joined(separator: ", ") + "]"
                var reason =
                    "\(source) has rows of shape \(row) but model input '\(input.name)' expects rows of "
                    + "shape \(want) (full input shape [" + declared.map(\.description).joined(separator: ", ")
                    + "])"
                let fixed = expectedRow.compactMap { if case .fixed(let d) = $0 { d } else { nil } }
                if fixed.count == expectedRow.count, fixed.reduce(1, *) == row.reduce(1, *) {
                    reason += "; the element counts agree, so reshape the data to \(want) per row"
                }
                throw DataError.modelMismatch(source: source, reason: reason)
            }
        }
        if let classCount, let labels {
            switch labels.storage {
            case .int64(let values):
                if let i = values.firstIndex(where: { $0 < 0 || $0 >= Int64(classCount) }) {
                    throw DataError.modelMismatch(
                        source: source,
                        reason: "row \(i) has label \(values[i]), but the model has \(classCount) classes "
                            + "(labels must be 0…\(classCount - 1))")
                }
            case .float:
                throw DataError.modelMismatch(
                    source: source,
                    reason: "the labels are floating-point (regression targets) but the model is a classifier with "
                        + "\(classCount) classes; save integer class labels")
            default:
                break
            }
        }
    }

    private static func matches(_ declared: ValueInfo.Dimension, _ actual: Int) -> Bool {
        if case .fixed(let d) = declared { return d == actual }
        return true
    }
}
