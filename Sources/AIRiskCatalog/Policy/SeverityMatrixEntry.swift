/// One cell of the OWASP severity matrix: an impact level and a likelihood level give a severity.
public struct SeverityMatrixEntry: Sendable, Equatable, Encodable {
    public var impact: RiskLevel
    public var likelihood: RiskLevel
    public var severity: Severity

    init(_ r: ElementReader) throws(CatalogError) {
        let rawImpact = try r.attribute("impact")
        let rawLikelihood = try r.attribute("likelihood")
        let rawSeverity = try r.attribute("severity")
        guard let impact = RiskLevel(rawValue: rawImpact), let likelihood = RiskLevel(rawValue: rawLikelihood),
            let severity = Severity(rawValue: rawSeverity)
        else {
            throw r.issue("severity matrix entry has an unknown level or severity")
        }
        self.impact = impact
        self.likelihood = likelihood
        self.severity = severity
    }
}
