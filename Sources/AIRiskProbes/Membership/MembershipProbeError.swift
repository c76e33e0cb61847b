/// Why the membership probe could not run.
package enum MembershipProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The probe needs at least one member and one non-member.
    case tooFewRecords(members: Int, nonMembers: Int)
    /// A data set's rows do not have the model's number of input values.
    case rowWidthMismatch(data: String, width: Int, model: String, features: Int, inputShape: [Int])
    /// A data set holds a label that is not one of the model's classes.
    case labelOutOfRange(data: String, label: Int, classes: Int)
    /// A regressor's data carry class labels, or not `outputs` float targets per row (`targets` is nil for labels).
    case targetMismatch(data: String, model: String, outputs: Int, targets: Int?, rows: Int)
    /// A sequence model's answer has no step with two or more class scores.
    case notASequenceClassifier(model: String, steps: Int, classes: Int)
    /// A model (the target, a reference, shadow or calibration model) answered with fewer values than needed.
    case shortAnswer(model: String, expected: String)
    case notAClassifier(model: String)
    /// A supplied reference model (or its list of training rows) is unusable; `file` names it.
    case badReferenceModel(file: String, reason: String)
    /// An entry of `--reference-recipe` is not one the in-process trainer takes.
    case badRecipeEntry(entry: String, requirement: String)
    /// The rows handed to an in-process trainer cannot train a model.
    case untrainableData(rows: Int, features: Int, requirement: String)
    /// A training setting is out of its range.
    case badTrainingSetting(setting: String, value: String, requirement: String)

    package var description: String {
        switch self {
        case .tooFewRecords(let m, let n):
            "membership probe: needs at least one member and one non-member (got \(m) and \(n))"
        case .rowWidthMismatch(let data, let width, let model, let features, let shape):
            "membership probe: \(data) rows have \(width) values but \(model) takes \(features) (input shape \(shape))"
        case .labelOutOfRange(let data, let label, let classes):
            "membership probe: \(data) contain label \(label), outside the model's \(classes) classes 0..<\(classes)"
        case .targetMismatch(let data, let model, let outputs, let targets, let rows):
            "membership probe: \(model) is a regressor with \(outputs) output(s), but the \(data) carry "
                + (targets.map { "\($0) regression targets for \(rows) rows" } ?? "class labels, not regression targets")
                + "; give float targets, \(outputs) per row"
        case .notASequenceClassifier(let model, let steps, let classes):
            "membership probe: \(model) answers a sequence of \(steps) steps × \(classes) classes; membership "
                + "inference needs at least one step of two or more class scores"
        case .shortAnswer(let model, let expected): "membership probe: \(model) did not return \(expected)"
        case .notAClassifier(let m):
            "\(m) is not a classifier (it returns regression or sequence outputs); membership inference needs class "
                + "labels or class scores"
        case .badReferenceModel(let file, let reason): "reference model \(file): \(reason)"
        case .badRecipeEntry(let entry, let requirement):
            "reference recipe: \(entry) — \(requirement); \(ReferenceRecipe.syntax)"
        case .untrainableData(let rows, let features, let requirement):
            "cannot train an in-process model on \(rows) rows of \(features) features: \(requirement)"
        case .badTrainingSetting(let setting, let value, let requirement):
            "cannot train an in-process model: \(setting) \(value) — \(requirement)"
        }
    }
}
