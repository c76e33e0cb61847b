import Foundation

/// How the policy combines measured metric scores with the likelihood-factor defaults.
package struct LikelihoodRule: Sendable, Equatable, Encodable, CatalogElement {
    /// How the scores of several measured metrics of one probe combine.
    package enum Combination: String, Sendable, Codable, CaseIterable, CatalogEnumeration {
        case max
        case mean
    }

    package var metricWeight: Double
    package var factorWeight: Double
    package var combineMetrics: Combination

    static let xmlSources: [String: XMLSource] = [
        "metricWeight": .attribute("metricWeight", fallback: "0"),
        "factorWeight": .attribute("factorWeight", fallback: "0"),
    ]

    func finish(reading r: ElementReader) throws(CatalogError) {
        if metricWeight + factorWeight <= 0 { throw r.issue("likelihood weights must not both be 0") }
    }
}
