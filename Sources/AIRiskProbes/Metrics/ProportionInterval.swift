/// A binomial proportion `successes / trials` with a two-sided confidence interval.
package struct ProportionInterval: Sendable, Equatable, Codable {
    package var successes: Int
    package var trials: Int
    /// `successes / trials` (NaN without trials).
    package var estimate: Double
    package var lower: Double
    package var upper: Double
    /// The interval's two-sided coverage, e.g. 0.95.
    package var confidence: Double
}
