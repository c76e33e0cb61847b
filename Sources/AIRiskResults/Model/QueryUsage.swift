/// How much of the model a probe used.
package struct QueryUsage: Sendable, Equatable, Codable {
    /// Prediction calls.
    package var calls: Int
    /// Rows across those calls.
    package var rows: Int
    /// Calls that returned input gradients (white-box only).
    package var gradientCalls: Int
    /// The row budget the probe ran under, nil when unbounded.
    package var budget: Int?

    package init(calls: Int = 0, rows: Int = 0, gradientCalls: Int = 0, budget: Int? = nil) {
        self.calls = calls
        self.rows = rows
        self.gradientCalls = gradientCalls
        self.budget = budget
    }
}
