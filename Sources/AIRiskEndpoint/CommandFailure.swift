/// How a model command (`--model-cmd`) failed: the command line, what happened, and the tail of its stderr.
package struct CommandFailure: Sendable, Equatable, CustomStringConvertible {
    /// What happened to the command.
    package enum Event: Sendable, Equatable {
        /// A pipe to the child could not be created (the system's reason).
        case noPipe(reason: String)
        /// The shell could not be started (the system's reason).
        case cannotStart(reason: String)
        /// The child exited before answering (its status when known).
        case exited(status: Int32?)
        /// The child did not answer within `seconds` and was stopped.
        case timedOut(seconds: Double)
        /// The child wrote an answer line longer than `maxBytes` and was stopped.
        case lineTooLong(maxBytes: Int)
        /// Talking to the child failed otherwise.
        case failed(reason: String)
    }

    /// The command line as given to `--model-cmd`.
    package var command: String
    /// What happened.
    package var event: Event
    /// The end of what the child wrote to stderr, control characters escaped (nil when not collected).
    package var stderrTail: String? = nil

    /// The message after "model command: ": the command, what happened, its stderr and what to check.
    package var description: String {
        let what =
            switch event {
            case .noPipe(let reason): "cannot create a pipe for '\(command)': \(reason)"
            case .cannotStart(let reason):
                "cannot start '\(command)': \(reason); check the command and that /bin/sh can run it"
            case .exited(let status):
                "'\(command)' exited\(status.map { " with status \($0)" } ?? "") before answering"
            case .timedOut(let seconds):
                "'\(command)' did not answer within \(seconds) s and was stopped; raise --timeout if it is slow"
            case .lineTooLong(let maxBytes):
                "'\(command)' wrote an answer line longer than \(maxBytes) bytes and was stopped"
            case .failed(let reason): "'\(command)': \(reason)"
            }
        guard let stderrTail else { return what }
        return what + (stderrTail.isEmpty ? " (stderr was empty)" : "; stderr tail:\n\(stderrTail)")
    }

    /// The same failure with `transform` applied to its texts.
    package func mappingTexts(_ transform: (String) -> String) -> CommandFailure {
        let event: Event =
            switch self.event {
            case .noPipe(let r): .noPipe(reason: transform(r))
            case .cannotStart(let r): .cannotStart(reason: transform(r))
            case .failed(let r): .failed(reason: transform(r))
            case .exited, .timedOut, .lineTooLong: self.event
            }
        return CommandFailure(command: transform(command), event: event, stderrTail: stderrTail.map(transform))
    }
}
