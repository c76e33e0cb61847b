/// Why the extraction probe could not run.
package enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The evaluation or public data does not fit the model's declared input shape.
    case dataShapeMismatch(data: String, expectedFeatures: Int, found: [Int])
    /// A data set has no rows or non-float features.
    case unusableData(data: String, reason: String)
    /// A setting asks for something impossible: `setting` names it, `value` is what was given.
    case badSetting(setting: String, value: String, requirement: String)
    /// The model answered with fewer values than its description promised.
    case unexpectedOutput(model: String, reason: String)

    package var description: String {
        switch self {
        case .dataShapeMismatch(let data, let expected, let found):
            "\(data) has row shape \(found), but the model expects \(expected) features per row"
        case .unusableData(let data, let reason): "\(data) cannot be used for extraction: \(reason)"
        case .badSetting(let setting, let value, let requirement):
            "extraction setting \(setting) = \(value): \(requirement)"
        case .unexpectedOutput(let model, let reason): "\(model) gave an unexpected answer: \(reason)"
        }
    }
}
