import Foundation
import Synchronization

/// Progress on stderr, only when stderr is a terminal (quiet in CI logs and pipes): a timestamped
/// line per stage, and while a probe runs a bar with its share of work done, the elapsed time and
/// an estimate of the time left (elapsed × remaining share ÷ share done).
final class ProgressPrinter: Sendable {
    let enabled: Bool
    let started = Date()
    private let state = Mutex(BarState())

    private struct BarState {
        var probe: String?
        var probeStarted = Date()
        var lastDraw = Date.distantPast
        var barShown = false
    }

    init(force: Bool? = nil) {
        enabled = force ?? (isatty(2) != 0)
    }

    /// A stage line ("membership: running"); clears a bar that is showing.
    func callAsFunction(_ message: String) {
        guard enabled else { return }
        let t = Date().timeIntervalSince(started)
        state.withLock { s in
            let clear: TerminalOutput.Control? = s.barShown ? .clearLine : nil
            s.barShown = false
            TerminalOutput.write(String(format: "[%6.1f s] %@", t, message), to: .standardError, after: clear)
        }
    }

    /// A probe's share of work done (0…1); redrawn at most five times a second.
    func update(probe: String, fraction: Double) {
        guard enabled else { return }
        let now = Date()
        state.withLock { s in
            if s.probe != probe {
                s.probe = probe
                s.probeStarted = now
            }
            guard now.timeIntervalSince(s.lastDraw) >= 0.2 else { return }
            s.lastDraw = now
            s.barShown = true
            TerminalOutput.write(
                Self.bar(probe: probe, fraction: fraction, elapsed: now.timeIntervalSince(s.probeStarted)),
                terminator: "", to: .standardError, after: .clearLine)
        }
    }

    /// One bar line, e.g. `membership [#########-----------]  45 %  6.1 s, ~7.4 s left`.
    static func bar(probe: String, fraction: Double, elapsed: Double, width: Int = 24) -> String {
        let f = min(max(fraction, 0), 1)
        let filled = Int((f * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta = f > 0.02 ? String(format: ", ~%.0f s left", elapsed * (1 - f) / f) : ""
        return String(format: "%@ [%@] %3.0f %%  %.1f s", probe, bar, f * 100, elapsed) + eta
    }
}
