import Foundation

/// Removes credential values from anything that is printed, logged or reported: error texts,
/// echoed response bodies, header dumps.
struct Redactor: Sendable {
    static let mask = "[REDACTED]"
    let secrets: [String]

    init(secrets: [String]) {
        // Longest first, so a secret containing another is masked whole; very short values are
        // still masked (a 1-character token would be odd but must not leak).
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    func callAsFunction(_ text: String) -> String {
        var t = text
        for s in secrets where t.contains(s) { t = t.replacingOccurrences(of: s, with: Self.mask) }
        return t
    }
}
