/// The access an assessment assumed, recorded with every probe result.
package enum AccessLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// Only predicted labels come back.
    case labelsOnly = "labels-only"
    /// Scores (probabilities, logits or regression values) come back, but no gradients.
    case scores
    /// The model is in hand: scores and gradients with respect to the input.
    case whiteBox = "white-box"

    private var rank: Int {
        switch self {
        case .labelsOnly: 0
        case .scores: 1
        case .whiteBox: 2
        }
    }

    package static func < (a: AccessLevel, b: AccessLevel) -> Bool { a.rank < b.rank }
}
