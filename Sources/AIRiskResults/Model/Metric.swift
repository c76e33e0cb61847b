/// One headline number with its unit, confidence interval and the sample it rests on.
package struct Metric: Sendable, Equatable, Codable {
    /// What code reads the figure by; nil in documents written before identities existed.
    package var id: MetricID?
    /// Display name, also the key `airisk diff` matches on (e.g. "AUC", "TPR @ 1% FPR").
    package var name: String
    package var value: Double
    /// Unit, if any ("%", "queries", "s").
    package var unit: String?
    /// Lower end of the confidence interval.
    package var ciLow: Double?
    /// Upper end of the confidence interval.
    package var ciHigh: Double?
    /// What the number was computed on (e.g. "n=500 members, 500 non-members; 95% bootstrap CI").
    package var basis: String?
    /// The false-positive rate a TPR figure is read at (e.g. 0.01), nil for other figures.
    package var targetFPR: Double?

    package init(
        id: MetricID? = nil, name: String, value: Double, unit: String? = nil, ciLow: Double? = nil,
        ciHigh: Double? = nil, basis: String? = nil, targetFPR: Double? = nil
    ) {
        self.id = id
        self.targetFPR = targetFPR
        self.name = name
        self.value = value
        self.unit = unit
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.basis = basis
    }
}
