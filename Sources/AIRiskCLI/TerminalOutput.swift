import AIRiskSupport
import AIRiskXML
import Foundation
import Synchronization

/// The one way airisk writes to the terminal: every line on stdout and stderr (results, summaries, errors,
/// warnings, progress) passes through ``sanitized(_:)``, so text that came from a model file, an endpoint, a
/// child process or a file name cannot drive the terminal. Control characters (ESC, BEL, CR, C1 controls,
/// bidirectional overrides) are shown escaped, ESC as `\u{1B}`; the newlines and tabs of airisk's own layout
/// stay. airisk's own cursor control (clearing a progress bar) is written only through ``Control``.
enum TerminalOutput {
    enum Stream: Sendable {
        case standardOutput, standardError
    }

    /// Cursor control that airisk itself emits, written verbatim before sanitised text.
    enum Control: String, Sendable {
        /// Back to the start of the line and clear it (removes a progress bar).
        case clearLine = "\r\u{1B}[2K"
    }

    /// `text` as it may reach a terminal: control characters other than newline and tab escaped.
    static func sanitized(_ text: String) -> String {
        ControlCharacters.escaped(text, keeping: ["\n", "\t"])
    }

    /// Writes `text`, sanitised, then `terminator`, after an optional `control` sequence.
    static func write(
        _ text: String, terminator: String = "\n", to stream: Stream = .standardOutput, after control: Control? = nil
    ) {
        let line = (control?.rawValue ?? "") + sanitized(text) + sanitized(terminator)
        if let capture = Capture.current {
            capture.append(line, to: stream)
            return
        }
        switch stream {
        case .standardOutput:
            print(line, terminator: "")
        case .standardError:
            // Keep stdout and stderr in order when both go to one terminal.
            fflush(nil)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// A message on stderr (errors, warnings, notices).
    static func error(_ text: String, terminator: String = "\n") {
        write(text, terminator: terminator, to: .standardError)
    }

    /// Flushes buffered stdout (before the process ends; `fflush(nil)` flushes every output stream).
    static func flush() {
        fflush(nil)
    }

    /// Collects what the commands write instead of printing it, for tests (bound per task).
    final class Capture: Sendable {
        @TaskLocal static var current: Capture?
        private let streams = Mutex(([UInt8](), [UInt8]()))

        init() {}

        func append(_ text: String, to stream: Stream) {
            streams.withLock {
                switch stream {
                case .standardOutput: $0.0 += Array(text.utf8)
                case .standardError: $0.1 += Array(text.utf8)
                }
            }
        }

        /// The bytes written to stdout so far.
        var standardOutput: [UInt8] { streams.withLock { $0.0 } }
        /// The bytes written to stderr so far.
        var standardError: [UInt8] { streams.withLock { $0.1 } }
    }
}
