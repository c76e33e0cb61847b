/// Why the membership probe could not run.
package enum MembershipProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    case badTrainingData(String)
    case badInput(String)
    case notAClassifier(model: String)
    /// A supplied reference model (or its list of training rows) is unusable; `file` names it.
    case badReferenceModel(file: String, reason: String)

    package var description: String {
        switch self {
        case .badTrainingData(let s): "cannot train an in-process model: \(s)"
        case .badInput(let s): "membership probe: \(s)"
        case .notAClassifier(let m):
            "\(m) is not a classifier (it returns regression or sequence outputs); membership inference needs class "
                + "labels or class scores"
        case .badReferenceModel(let file, let reason): "reference model \(file): \(reason)"
        }
    }
}
