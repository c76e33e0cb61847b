/// One cell of the OWASP severity matrix: an impact level and a likelihood level give a severity.
package struct SeverityMatrixEntry: Sendable, Equatable, Encodable, CatalogElement {
    package var impact: RiskLevel
    package var likelihood: RiskLevel
    package var severity: Severity

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
