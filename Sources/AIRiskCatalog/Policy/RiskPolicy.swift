/// A risk policy after the OWASP Risk Rating Methodology: 0–9 scores, levels, the severity matrix, the factor
/// defaults of each probe and the thresholds that turn measured metrics into a likelihood.
///
/// Policies are data: a team can ship its own file with the same schema.
package struct RiskPolicy: Sendable, Equatable, Encodable, CatalogElement {
    package var id: String
    package var name: String
    package var methodology: String
    package var source: String
    package var scaleMin: Int
    package var scaleMax: Int
    package var levels: [LevelBand]
    package var severityMatrix: [SeverityMatrixEntry]
    package var likelihoodFactors: [RiskRatingFactor]
    package var impactFactors: [RiskRatingFactor]
    package var owaspConversion: OwaspConversion
    package var likelihoodRule: LikelihoodRule
    package var impactRule: ImpactRule
    package var sensitivities: [PolicySensitivity]
    /// How exposed the deployment is (public-api, internal, offline) and what that does to impact.
    package var exposures: [ImpactAdjustment]
    /// What each access level does to impact.
    package var accessLevels: [ImpactAdjustment]
    package var probePolicies: [ProbePolicy]
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "name": .childText, "scaleMin": .childAttribute("min", of: "scale"),
        "scaleMax": .childAttribute("max", of: "scale"), "levels": .children("level", in: "levels"),
        "severityMatrix": .children("entry", in: "severityMatrix"),
        "likelihoodFactors": .children("factor", in: "likelihoodFactors"),
        "impactFactors": .children("factor", in: "impactFactors"),
        "owaspConversion": .children("map", in: "owaspConversion"),
        "sensitivities": .children("sensitivity", in: "sensitivities"),
        "exposures": .children("exposure", in: "exposures", wrapperOptional: true),
        "accessLevels": .children("access", in: "accessLevels", wrapperOptional: true),
        "probePolicies": .children("probePolicy", in: "probePolicies"),
    ]

    /// The level a 0–9 score falls in.
    package func level(for score: Double) -> RiskLevel? {
        levels.first { $0.contains(score) }?.level
    }

    /// The severity of a risk with these impact and likelihood levels.
    package func severity(impact: RiskLevel, likelihood: RiskLevel) -> Severity? {
        severityMatrix.first { $0.impact == impact && $0.likelihood == likelihood }?.severity
    }

    /// An OWASP ML Top 10 value (1–5) on the 0–9 scale.
    package func convertOwasp(_ value: Int) -> Int? { owaspConversion[value] }

    /// The scoring rules of one probe.
    package func probePolicy(for probe: String) -> ProbePolicy? {
        probePolicies.first { $0.probe == probe }
    }

    package func exposure(_ id: String) -> ImpactAdjustment? {
        exposures.first { $0.id == id }
    }

    package func accessLevel(_ id: String) -> ImpactAdjustment? {
        accessLevels.first { $0.id == id }
    }

    package func sensitivity(_ id: DataSensitivity) -> PolicySensitivity? {
        sensitivities.first { $0.id == id }
    }
}
