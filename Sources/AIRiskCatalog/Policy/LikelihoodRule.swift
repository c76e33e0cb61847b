import Foundation

/// How the policy combines measured metric scores with the likelihood-factor defaults.
package struct LikelihoodRule: Sendable, Equatable, Encodable {
    /// How the scores of several measured metrics of one probe combine.
    package enum Combination: String, Sendable, Encodable {
        case max
        case mean
    }

    package var metricWeight: Double
    package var factorWeight: Double
    package var combineMetrics: Combination

    init(_ r: ElementReader) throws(CatalogError) {
        metricWeight = try r.double("metricWeight") ?? 0
        factorWeight = try r.double("factorWeight") ?? 0
        let raw = try r.attribute("combineMetrics")
        guard let combination = Combination(rawValue: raw) else {
            throw r.issue("combineMetrics must be max or mean: \(raw)")
        }
        combineMetrics = combination
        if metricWeight + factorWeight <= 0 { throw r.issue("likelihood weights must not both be 0") }
    }
}
