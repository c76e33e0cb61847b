/// Why a probe could not run on the data or the model it was given.
package enum ProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A data set's rows do not have the model's number of float features.
    case featureCountMismatch(data: String, expected: Int, found: Int?)
    /// A data set has a different number of labels than rows.
    case labelCountMismatch(data: String, rows: Int, labels: Int)
    /// A data set has no rows, or no float features.
    case emptyData(data: String)
    /// A feature named by the plan is not a column of the rows.
    case featureOutOfRange(feature: Int, features: Int)
    /// A feature has no finite value in the data the probe learns from.
    case noFiniteValue(feature: Int, data: String)
    /// A class named by the plan is not one of the model's classes.
    case classOutOfRange(classIndex: Int, classes: Int)
    /// The image shape given for the rows does not hold one row's features.
    case imageShapeMismatch(heightWidthChannels: [Int], features: Int)
    /// The model answered with something other than what its description promised.
    case unexpectedAnswer(model: String, expected: String, found: String)

    package var description: String {
        switch self {
        case .featureCountMismatch(let data, let expected, let found):
            "\(data): rows do not have \(expected) float features each"
                + (found.map { " (found \($0))" } ?? " (features are not numeric)")
        case .labelCountMismatch(let data, let rows, let labels): "\(data): \(rows) rows but \(labels) labels"
        case .emptyData(let data): "\(data) is empty or not numeric: no rows to learn feature ranges from"
        case .featureOutOfRange(let feature, let features):
            "sensitive feature \(feature) is outside the rows' \(features) features (give a 0-based column number)"
        case .noFiniteValue(let feature, let data): "feature \(feature) has no finite value in \(data)"
        case .classOutOfRange(let c, let classes):
            "class \(c) is out of range: the model has \(classes) classes (0…\(max(classes - 1, 0)))"
        case .imageShapeMismatch(let hwc, let features):
            "the image shape \(hwc.map(String.init).joined(separator: ",")) (H,W[,C]) holds \(hwc.reduce(1, *)) "
                + "values but the model's input row has \(features) features: give --image-shape H,W[,C] with "
                + "H × W × C = \(features)"
        case .unexpectedAnswer(let model, let expected, let found):
            "\(model) gave an unexpected answer: expected \(expected), found \(found)"
        }
    }
}
