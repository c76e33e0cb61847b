import Foundation
import Synchronization

/// Progress on stderr. On a terminal: a timestamped line per stage, and while a probe runs a bar with its share
/// of work done, the elapsed time and an estimate of the time left (elapsed × remaining share ÷ share done),
/// redrawn in place. Elsewhere (CI logs, pipes): the same stage lines, and per probe at most one plain line every
/// ``plainInterval`` seconds, so a long run is never silent and a log never fills with bars.
final class ProgressPrinter: Sendable {
    /// Whether stderr is a terminal (bars redrawn in place) or not (plain lines).
    let isTerminal: Bool
    let started = Date()
    /// The shortest time between two plain progress lines of one probe.
    static let plainInterval: TimeInterval = 10
    private let state = Mutex(BarState())
    /// Receives every piece of text instead of stderr (tests); nil writes through ``TerminalOutput``.
    private let sink: (@Sendable (String) -> Void)?

    private struct BarState {
        var probe: String?
        var probeStarted = Date()
        var lastDraw = Date.distantPast
        var barShown = false
    }

    /// `terminal` overrides the check of stderr; `write` receives every piece of text (stderr, through
    /// ``TerminalOutput``, by default).
    init(terminal: Bool? = nil, write: (@Sendable (String) -> Void)? = nil) {
        isTerminal = terminal ?? (isatty(2) != 0)
        self.sink = write
    }

    /// Writes sanitised `text` (it carries its own newline, if any) after airisk's own `control` sequence.
    private func write(_ text: String, after control: TerminalOutput.Control? = nil) {
        if let sink {
            sink((control?.rawValue ?? "") + TerminalOutput.sanitized(text))
        } else {
            TerminalOutput.write(text, terminator: "", to: .standardError, after: control)
        }
    }

    /// A stage line ("membership: running"); clears a bar that is showing.
    func callAsFunction(_ message: String) {
        let t = Date().timeIntervalSince(started)
        state.withLock { s in
            let clear: TerminalOutput.Control? = s.barShown ? .clearLine : nil
            s.barShown = false
            write(String(format: "[%6.1f s] %@\n", t, message), after: clear)
        }
    }

    /// A probe's share of work done (0…1); redrawn at most five times a second on a terminal, written as a
    /// plain line at most every ``plainInterval`` seconds elsewhere.
    func update(probe: String, fraction: Double) {
        let now = Date()
        state.withLock { s in
            if s.probe != probe {
                s.probe = probe
                s.probeStarted = now
                // The first plain line of a probe comes after one interval, not at once.
                if !isTerminal { s.lastDraw = now }
            }
            let elapsed = now.timeIntervalSince(s.probeStarted)
            if isTerminal {
                guard now.timeIntervalSince(s.lastDraw) >= 0.2 else { return }
                s.lastDraw = now
                s.barShown = true
                write(Self.bar(probe: probe, fraction: fraction, elapsed: elapsed), after: .clearLine)
            } else {
                guard now.timeIntervalSince(s.lastDraw) >= Self.plainInterval else { return }
                s.lastDraw = now
                write(
                    String(format: "[%6.1f s] ", now.timeIntervalSince(started))
                        + Self.plainLine(probe: probe, fraction: fraction, elapsed: elapsed) + "\n")
            }
        }
    }

    /// One bar line, e.g. `membership [#########-----------]  45 %  6.1 s, ~7.4 s left`.
    static func bar(probe: String, fraction: Double, elapsed: Double, width: Int = 24) -> String {
        let f = min(max(fraction, 0), 1)
        let filled = Int((f * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return String(format: "%@ [%@] %3.0f %%  %.1f s", probe, bar, f * 100, elapsed) + eta(f, elapsed)
    }

    /// One plain progress line, e.g. `membership: 45 % after 6.1 s, ~7 s left`.
    static func plainLine(probe: String, fraction: Double, elapsed: Double) -> String {
        let f = min(max(fraction, 0), 1)
        return String(format: "%@: %.0f %% after %.1f s", probe, f * 100, elapsed) + eta(f, elapsed)
    }

    private static func eta(_ f: Double, _ elapsed: Double) -> String {
        f > 0.02 ? String(format: ", ~%.0f s left", elapsed * (1 - f) / f) : ""
    }
}
