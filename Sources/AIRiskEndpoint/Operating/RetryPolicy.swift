import Foundation

/// When and how long to wait before trying a request again: exponential backoff with full
/// jitter, never shorter than a server's `Retry-After`.
struct RetryPolicy: Sendable {
    var maxAttempts: Int
    var base: Double
    var cap: Double
    var maxRetryAfter: Double

    init(_ limits: EndpointLimits) {
        maxAttempts = limits.maxAttempts
        base = limits.backoffBase
        cap = limits.backoffCap
        maxRetryAfter = limits.maxRetryAfter
    }

    /// Whether an HTTP status is worth retrying: 408, 429 and 5xx.
    static func isRetryable(status: Int) -> Bool { status == 408 || status == 429 || (500...599).contains(status) }

    /// Seconds to wait after failed attempt number `attempt` (1-based); `unit` is uniform in [0, 1).
    func delay(afterAttempt attempt: Int, retryAfter: Double?, unit: Double) -> Double {
        let ceiling = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        let jittered = unit * ceiling
        return max(jittered, retryAfter ?? 0)
    }

    /// How long a retryable answer asks to wait: its `Retry-After` header in seconds, nil when there
    /// is none or it cannot be read. Throws when the server asks for longer than ``maxRetryAfter``.
    func retryAfter(header: String?, status: Int, now: Date = Date()) throws(EndpointError) -> Double? {
        guard let header, let after = Self.parseRetryAfter(header, now: now) else { return nil }
        if after > maxRetryAfter {
            throw .rejected(
                status: status,
                detail: "the server asked to wait \(Int(after)) s (Retry-After), "
                    + "more than the \(Int(maxRetryAfter)) s allowed")
        }
        return after
    }

    /// Parses a `Retry-After` value: delta-seconds or an HTTP date.
    static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v), s >= 0 { return s }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let d = f.date(from: v) else { return nil }
        return max(0, d.timeIntervalSince(now))
    }
}
