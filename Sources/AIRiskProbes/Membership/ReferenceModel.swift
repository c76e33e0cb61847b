import AIRiskAccess
import Foundation

/// A reference model trained outside airisk (the user's own pipeline) for LiRA and RMIA: the model, and the
/// 0-based rows of the target records (members then non-members, in file order) it was trained on.
package struct ReferenceModel: Sendable {
    /// The file the model came from, named in errors and notes.
    package var file: String
    package var model: any ModelAccess
    /// The target records (0-based, members then non-members) in the model's training set.
    package var trainingRows: [Int]
    /// The file that listed ``trainingRows`` (`NAME.members.txt`), named in errors.
    package var rowsFile: String

    package init(file: String, model: any ModelAccess, trainingRows: [Int], rowsFile: String) {
        self.file = file
        self.model = model
        self.trainingRows = trainingRows
        self.rowsFile = rowsFile
    }

    /// Parses a `NAME.members.txt` file: one 0-based row index per line (blank lines and surrounding spaces
    /// are ignored). Throws, naming `file` and the line, for a value that is not a non-negative integer or a
    /// row listed twice.
    package static func trainingRows(parsing text: String, file: String) throws(MembershipProbeError) -> [Int] {
        var rows: [Int] = []
        var seen: [Int: Int] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard let row = Int(line), row >= 0 else {
                throw .badReferenceModel(
                    file: file,
                    reason: "line \(number + 1) reads '\(line.prefix(40))', not a 0-based row index (one "
                        + "non-negative integer per line)")
            }
            if let first = seen[row] {
                throw .badReferenceModel(
                    file: file, reason: "row \(row) is listed twice (lines \(first) and \(number + 1))")
            }
            seen[row] = number + 1
            rows.append(row)
        }
        return rows
    }

    /// Checks the model against the target and the record count: the same input row, the same kind of answer (class
    /// scores of the same classes; for a regressor the same number of outputs; for a sequence model the same steps),
    /// and every training row inside `0..<recordCount`.
    package func validate(target: ModelDescription, recordCount: Int) throws(MembershipProbeError) {
        let desc = model.description
        switch target.outputKind {
        case .regression:
            guard desc.outputKind == .regression else {
                throw .badReferenceModel(
                    file: file,
                    reason: "it answers \(desc.outputKind.rawValue) but the target \(target.name) is a regressor; a "
                        + "reference model must be a regressor trained like the target")
            }
        case .sequence:
            guard desc.outputKind == .sequence, desc.sequenceLength == target.sequenceLength else {
                throw .badReferenceModel(
                    file: file,
                    reason: "it answers \(desc.outputKind.rawValue)"
                        + (desc.sequenceLength.map { " over \($0) steps" } ?? "") + " but the target \(target.name) "
                        + "answers class scores at each of \(target.sequenceLength ?? 0) steps; train the reference "
                        + "models with the target's architecture")
            }
        default:
            guard desc.isClassifier, desc.outputKind != .labels, desc.outputKind != .sequence else {
                throw .badReferenceModel(
                    file: file,
                    reason: "it answers \(desc.outputKind.rawValue); a reference model must return class "
                        + "probabilities or logits")
            }
        }
        guard desc.featureCount == target.featureCount else {
            throw .badReferenceModel(
                file: file,
                reason: "it takes input rows of shape \(desc.inputShape) (\(desc.featureCount) values) but the "
                    + "target \(target.name) takes \(target.inputShape) (\(target.featureCount)); train the "
                    + "reference models on the target's features")
        }
        guard desc.outputWidth == target.outputWidth else {
            let what = target.outputKind == .regression ? "outputs" : "class scores"
            throw .badReferenceModel(
                file: file,
                reason: "it returns \(desc.outputWidth) \(what) but the target \(target.name) returns "
                    + "\(target.outputWidth); train the reference models on the target's "
                    + (target.outputKind == .regression ? "targets" : "classes"))
        }
        if let bad = trainingRows.first(where: { $0 >= recordCount }) {
            throw .badReferenceModel(
                file: rowsFile,
                reason: "row \(bad) is out of range: there are \(recordCount) target records (members then "
                    + "non-members), rows 0…\(recordCount - 1)")
        }
    }
}

/// Reference models supplied by the user (`--reference-models DIR`), used by LiRA and RMIA instead of
/// models trained in-process.
package struct ReferenceModelSet: Sendable {
    /// Where the models came from, e.g. the directory, for the results.
    package var origin: String
    package var models: [ReferenceModel]

    package init(origin: String, models: [ReferenceModel]) {
        self.origin = origin
        self.models = models
    }
}
