/// How the policy scores one probe: its likelihood-factor defaults and its metric thresholds.
package struct ProbePolicy: Sendable, Equatable, Encodable {
    package var probe: String
    /// The OWASP ML Top 10 risk whose exploitability and technical impact feed the score.
    package var owasp: String
    package var factorScores: [FactorScore]
    package var metrics: [MetricThreshold]
    /// Membership: the false-positive rate whose TPR is the headline figure (default 1 %).
    package var targetFPR: Double
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        probe = try r.attribute("probe")
        owasp = try r.attribute("owasp")
        targetFPR = try r.double("targetFPR") ?? 0.01
        factorScores = try r.children("factorScore", as: FactorScore.init)
        metrics = try r.children("metric", as: MetricThreshold.init)
        location = r.location
    }
}
