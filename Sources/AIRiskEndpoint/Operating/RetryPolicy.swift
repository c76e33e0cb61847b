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
                detail: "the server asked to wait \(Self.seconds(after)) s (Retry-After), "
                    + "more than the \(Self.seconds(maxRetryAfter)) s allowed")
        }
        return after
    }

    /// Whole seconds when they fit an Int, else the number as it is.
    static func seconds(_ s: Double) -> String {
        if s.isFinite, abs(s) < 1e15 { return String(Int(s.rounded())) }
        return "\(s)"
    }

    /// Parses a `Retry-After` value: delta-seconds or an HTTP date.
    static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v) { return s.isFinite && s >= 0 ? s : nil }
        guard let d = parseHTTPDate(v) else { return nil }
        return max(0, d.timeIntervalSince(now))
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An HTTP date in the form servers send (IMF-fixdate, RFC 9110 §5.6.7: `Sun, 06 Nov 1994 08:49:37 GMT`);
    /// nil for anything else. Parsed by hand: Foundation's DateFormatter is slow, depends on the locale
    /// data, and leaks a character set on some malformed inputs.
    static func parseHTTPDate(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 29, b[3] == UInt8(ascii: ","), b[4] == 0x20, b[7] == 0x20, b[11] == 0x20, b[16] == 0x20,
            b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 0x20,
            b[26...] == Array("GMT".utf8)[...],
            weekdays.contains(String(decoding: b[0..<3], as: UTF8.self)),
            let monthIndex = months.firstIndex(of: String(decoding: b[8..<11], as: UTF8.self))
        else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        let month = monthIndex + 1
        guard let day = number(5..<7), let year = number(12..<16), let hour = number(17..<19),
            let minute = number(20..<22), let second = number(23..<25),
            day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60, second <= 60
        else { return nil }
        // Days since 1970-01-01 in the proleptic Gregorian calendar (years here are 0...9999).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
