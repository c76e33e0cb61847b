/// Whether every planned probe finished.
package enum AssessmentStatus: Sendable, Equatable, Codable {
    case complete
    /// The assessment stopped early or a probe failed; `error` says what happened.
    case incomplete(error: String)

    package var isComplete: Bool { self == .complete }

    /// What made the assessment incomplete; nil when it is complete.
    package var incompleteReason: String? {
        if case .incomplete(let error) = self { return error }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case state, error }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .state) {
        case "complete": self = .complete
        case "incomplete": self = .incomplete(error: try c.decode(String.self, forKey: .error))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: c, debugDescription: "unknown assessment state '\(other)'")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .complete:
            try c.encode("complete", forKey: .state)
        case .incomplete(let error):
            try c.encode("incomplete", forKey: .state)
            try c.encode(error, forKey: .error)
        }
    }
}
