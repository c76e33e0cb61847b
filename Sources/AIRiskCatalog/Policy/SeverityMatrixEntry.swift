/// One cell of the OWASP severity matrix: an impact level and a likelihood level give a severity.
package struct SeverityMatrixEntry: Sendable, Equatable, Encodable {
    package var impact: RiskLevel
    package var likelihood: RiskLevel
    package var severity: Severity

    init(_ r: ElementReader) throws(CatalogError) {
        let rawImpact = try r.attribute("impact")
        let rawLikelihood = try r.attribute("likelihood")
        let rawSeverity = try r.attribute("severity")
        guard let impact = RiskLevel(policyName: rawImpact), let likelihood = RiskLevel(policyName: rawLikelihood),
            let severity = Severity(policyName: rawSeverity)
        else {
            throw r.issue("severity matrix entry has an unknown level or severity")
        }
        self.impact = impact
        self.likelihood = likelihood
        self.severity = severity
    }

    /// The policy file's spellings ("HIGH", "Critical"), as the catalog commands have always printed them.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(impact.policyName, forKey: .impact)
        try c.encode(likelihood.policyName, forKey: .likelihood)
        try c.encode(severity.policyName, forKey: .severity)
    }

    enum CodingKeys: String, CodingKey {
        case impact, likelihood, severity
    }
}
