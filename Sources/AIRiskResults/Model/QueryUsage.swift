/// How much of the model a probe used.
public struct QueryUsage: Sendable, Equatable, Codable {
    /// Prediction calls.
    public var calls: Int
    /// Rows across those calls.
    public var rows: Int
    /// Calls that returned input gradients (white-box only).
    public var gradientCalls: Int
    /// The row budget the probe ran under, nil when unbounded.
    public var budget: Int?

    public init(calls: Int = 0, rows: Int = 0, gradientCalls: Int = 0, budget: Int? = nil) {
        self.calls = calls
        self.rows = rows
        self.gradientCalls = gradientCalls
        self.budget = budget
    }
}
