import Foundation

/// Progress lines on stderr, only when stderr is a terminal (quiet in CI logs and pipes).
struct ProgressPrinter: Sendable {
    let enabled: Bool
    let started = Date()

    init(force: Bool? = nil) {
        enabled = force ?? (isatty(2) != 0)
    }

    func callAsFunction(_ message: String) {
        guard enabled else { return }
        let t = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data(String(format: "[%6.1f s] %@\n", t, message).utf8))
    }
}
