/// Why an endpoint could not be used. Messages never contain credential values.
public enum EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bad option or configuration.
    case configuration(String)
    /// A credential could not be read (names the variable or file, never the value).
    case credential(String)
    /// The endpoint could not be reached or kept failing after every retry.
    case unreachable(String)
    /// The endpoint answered with an error status that retrying does not help.
    case rejected(status: Int, detail: String)
    /// The answer could not be read or does not fit the request.
    case badResponse(String)
    /// The model command crashed, hung or wrote something unreadable.
    case command(String)
    /// The assessment was interrupted (Ctrl-C); no further request is sent.
    case interrupted

    public var description: String {
        switch self {
        case .configuration(let m): "endpoint configuration: \(m)"
        case .credential(let m): "credential: \(m)"
        case .unreachable(let m): "endpoint unreachable: \(m)"
        case .rejected(let s, let d): "endpoint answered HTTP \(s): \(d)"
        case .badResponse(let m): "endpoint answer unusable: \(m)"
        case .command(let m): "model command: \(m)"
        case .interrupted: "interrupted: no further requests were sent"
        }
    }
}

extension EndpointError {
    /// The same error with `redact` applied to its message.
    func redacted(by redact: Redactor) -> EndpointError {
        switch self {
        case .configuration(let m): .configuration(redact(m))
        case .credential(let m): .credential(redact(m))
        case .unreachable(let m): .unreachable(redact(m))
        case .rejected(let s, let d): .rejected(status: s, detail: redact(d))
        case .badResponse(let m): .badResponse(redact(m))
        case .command(let m): .command(redact(m))
        case .interrupted: .interrupted
        }
    }
}
