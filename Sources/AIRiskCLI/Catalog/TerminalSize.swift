import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width of the terminal standard output is attached to, for laying out tables.
enum TerminalSize {
    /// Columns from `$COLUMNS`, else from the terminal, else `fallback` (output piped to a file or a test).
    static func columns(fallback: Int = 120) -> Int {
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return fallback
    }
}
