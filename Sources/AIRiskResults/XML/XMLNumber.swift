import Foundation

/// Number and date spellings shared by the results writer and reader (xs:double, xs:dateTime) and the
/// machine-readable renderings (OSCAL, SARIF, JUnit): shortest round-tripping numbers, ISO 8601 UTC timestamps.
package enum XMLNumber {
    /// `value` as an xs:double literal that parses back to the same Double.
    package static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func double(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch t {
        case "NaN": return .nan
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        default: return Double(t)
        }
    }

    /// A whitespace-separated list (xs:list).
    static func list(_ values: [Double]) -> String {
        values.map(string).joined(separator: " ")
    }

    static func doubles(_ text: String) -> [Double]? {
        var out: [Double] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            guard let d = double(String(token)) else { return nil }
            out.append(d)
        }
        return out
    }

    /// `date` as an ISO 8601 UTC timestamp to the second (xs:dateTime).
    package static func dateString(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
