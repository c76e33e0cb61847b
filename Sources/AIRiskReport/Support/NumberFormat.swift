import Foundation

/// How numbers read in the renderings meant for people (HTML, SARIF messages, JUnit messages).
enum NumberFormat {
    /// At most four significant digits, no exponent for everyday magnitudes, integers without a fraction.
    static func short(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        if value == value.rounded(), abs(value) < 1e12 { return String(format: "%.0f", value) }
        let magnitude = abs(value)
        if magnitude >= 1000 { return String(format: "%.1f", value) }
        if magnitude >= 1e-4 {
            var s = String(format: "%.4g", value)
            if s.contains("e") { s = String(format: "%.6f", value) }
            return s
        }
        return String(format: "%.2e", value)
    }

    /// A measured figure as the report's headlines show it: three decimals below 10 (an AUC 0.840, a fidelity
    /// 0.974), whole numbers as they are, anything else as ``short(_:)``.
    static func figure(_ value: Double) -> String {
        guard value.isFinite, value != value.rounded(), abs(value) < 10 else { return short(value) }
        return String(format: "%.3f", value)
    }

    /// A before → after pair: both with three decimals when either has a fraction below 10 ("1.000 → 0.600", not
    /// "1 → 0.600"), else each as ``figure(_:)``.
    static func figures(_ a: Double, _ b: Double) -> String {
        func fractional(_ v: Double) -> Bool { v.isFinite && v != v.rounded() && abs(v) < 10 }
        guard fractional(a) || fractional(b), abs(a) < 10, abs(b) < 10, a.isFinite, b.isFinite else {
            return figure(a) + " → " + figure(b)
        }
        return String(format: "%.3f → %.3f", a, b)
    }

    /// A value with its unit ("0.81", "9 %", "1200 queries").
    static func withUnit(_ value: Double, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return short(value) }
        return unit == "%" ? short(value) + " %" : short(value) + " " + unit
    }

    /// A fraction as a percentage with at most two decimals and no trailing zeros: 0.001 → "0.1 %",
    /// 0.25 → "25 %".
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return short(fraction) }
        var s = String(format: "%.2f", fraction * 100)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + " %"
    }

    /// Seconds as "1.25 s" or "2 min 5 s".
    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return short(seconds) + " s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
