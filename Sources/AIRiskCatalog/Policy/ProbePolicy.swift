/// How the policy scores one probe: its likelihood-factor defaults and its metric thresholds.
package struct ProbePolicy: Sendable, Equatable, Encodable, CatalogElement {
    package var probe: String
    /// The OWASP ML Top 10 risk whose exploitability and technical impact feed the score.
    package var owasp: String
    package var factorScores: [FactorScore]
    package var metrics: [MetricThreshold]
    /// Membership: the false-positive rate whose TPR is the headline figure (default 1 %).
    package var targetFPR: Double
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "targetFPR": .attribute("targetFPR", fallback: "0.01"), "factorScores": .children("factorScore"),
        "metrics": .children("metric"),
    ]
}
