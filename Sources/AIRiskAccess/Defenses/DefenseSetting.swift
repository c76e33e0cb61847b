import Foundation

/// How a defense's parameters are written in its setting (`noise:0.05`, `temperature:4`).
package enum DefenseSetting {
    /// A compact decimal for settings and names (0.05, 4, 0.1).
    package static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(format: "%g", v)
    }
}
