/// Whether a probe ran to the end.
package enum ProbeStatus: Sendable, Equatable, Codable {
    case ran
    /// Not run, on purpose (e.g. needs gradients the access does not give).
    case skipped(reason: String)
    /// Started and failed.
    case failed(error: String)

    /// "ran", "skipped" or "failed".
    package var state: String {
        switch self {
        case .ran: "ran"
        case .skipped: "skipped"
        case .failed: "failed"
        }
    }

    /// The reason or error, nil when the probe ran.
    package var detail: String? {
        switch self {
        case .ran: nil
        case .skipped(let reason): reason
        case .failed(let error): error
        }
    }

    /// Rebuilds a status from ``state`` and ``detail``; nil for an unknown state.
    package init?(state: String, detail: String?) {
        switch state {
        case "ran": self = .ran
        case "skipped": self = .skipped(reason: detail ?? "")
        case "failed": self = .failed(error: detail ?? "")
        default: return nil
        }
    }

    private enum CodingKeys: String, CodingKey { case state, detail }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let state = try c.decode(String.self, forKey: .state)
        guard let status = ProbeStatus(state: state, detail: try c.decodeIfPresent(String.self, forKey: .detail))
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: c, debugDescription: "unknown probe state '\(state)'")
        }
        self = status
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(detail, forKey: .detail)
    }
}
