import AIRiskSupport

/// Why an endpoint could not be used. Messages never contain credential values.
package enum EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option (`--endpoint`, `--header-env`, `--input-shape`, …) whose value cannot be used: `value` as it was
    /// given (never a credential), `requirement` what it must be.
    case badOption(option: String, value: String, requirement: String)
    /// A limit flag (`--batch`, `--timeout`, …) outside the range it must lie in; `value` as it was given,
    /// `unit` what the number counts (nil for a plain count).
    case outOfRange(option: String, value: String, allowed: ClosedRange<Double>, unit: String?)
    /// A header credential that could not be read (names the header and its variable or file, never the value).
    case credential(header: String, source: HeaderCredential.Source, problem: CredentialProblem)
    /// The endpoint could not be reached or kept failing after every retry: where, the last failure, how many
    /// attempts were made, and what the failed attempts cost against `--max-queries`.
    case unreachable(location: String, reason: String, attempts: Int, budgetNote: String)
    /// The endpoint answered with an error status that retrying does not help.
    case rejected(status: Int, detail: String)
    /// The answer could not be read or does not fit the request: which part, what was expected and what came.
    case badResponse(ResponseProblem)
    /// The model command could not start, crashed, hung or wrote something unreadable.
    case command(CommandFailure)

    /// What is wrong with a header credential.
    package enum CredentialProblem: Sendable, Equatable {
        /// The environment variable is not set, or empty.
        case unset
        /// The file cannot be read as UTF-8 text.
        case unreadable
        /// The file is empty.
        case empty
        /// The value holds a CR or LF (it would split the request's headers).
        case lineBreak
    }

    package var description: String {
        switch self {
        case .badOption(let option, let value, let requirement):
            "endpoint configuration: \(option) \(value): \(requirement)"
        case .outOfRange(let option, let value, let allowed, let unit):
            "endpoint configuration: \(option) must be "
                + (allowed.upperBound == .infinity
                    ? "at least \(Self.number(allowed.lowerBound))"
                    : (unit.map { "a number of \($0) in " } ?? "in ")
                        + "\(Self.number(allowed.lowerBound))…\(Self.number(allowed.upperBound))")
                + " (got \(value))"
        case .credential(let header, let source, let problem):
            "credential: " + Self.credentialMessage(header: header, source: source, problem: problem)
        case .unreachable(let location, let reason, let attempts, let note):
            "endpoint unreachable: \(location): \(reason) (after \(attempts) attempt\(attempts == 1 ? "" : "s"))\(note)"
        case .rejected(let s, let d): "endpoint answered HTTP \(s): \(d)"
        case .badResponse(let p): "endpoint answer unusable: \(p.description)"
        case .command(let f): "model command: \(f.description)"
        }
    }

    private static func number(_ d: Double) -> String { JSONWriter.number(d) ?? "\(d)" }

    private static func credentialMessage(
        header: String, source: HeaderCredential.Source, problem: CredentialProblem
    ) -> String {
        switch (source, problem) {
        case (_, .lineBreak): "the value for header \(header) contains a line break"
        case (.environment(let variable), _):
            "environment variable \(variable) (for header \(header)) is not set or empty"
        case (.file(let path), .empty): "\(path) (for header \(header)) is empty"
        case (.file(let path), _): "cannot read \(path) (for header \(header))"
        }
    }
}

extension EndpointError {
    /// The same error with `redact` applied to its texts.
    func redacted(by redact: Redactor) -> EndpointError {
        switch self {
        case .badOption(let o, let v, let r): .badOption(option: o, value: redact(v), requirement: redact(r))
        case .outOfRange, .credential: self
        case .unreachable(let l, let r, let a, let n):
            .unreachable(location: redact(l), reason: redact(r), attempts: a, budgetNote: n)
        case .rejected(let s, let d): .rejected(status: s, detail: redact(d))
        case .badResponse(let p): .badResponse(p.mappingTexts { redact($0) })
        case .command(let f): .command(f.mappingTexts { redact($0) })
        }
    }
}
