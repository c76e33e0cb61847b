/// A binomial proportion `successes / trials` with a two-sided confidence interval.
public struct ProportionInterval: Sendable, Equatable, Codable {
    public var successes: Int
    public var trials: Int
    /// `successes / trials` (NaN without trials).
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// The interval's two-sided coverage, e.g. 0.95.
    public var confidence: Double

    public init(successes: Int, trials: Int, estimate: Double, lower: Double, upper: Double, confidence: Double) {
        self.successes = successes
        self.trials = trials
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }
}
