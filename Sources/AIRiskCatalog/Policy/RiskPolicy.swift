/// A risk policy after the OWASP Risk Rating Methodology: 0–9 scores, levels, the severity matrix, the factor
/// defaults of each probe and the thresholds that turn measured metrics into a likelihood.
///
/// Policies are data: a team can ship its own file with the same schema.
package struct RiskPolicy: Sendable, Equatable, Encodable {
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
    /// OWASP ML Top 10 value (1–5) → 0–9 score.
    package var owaspConversion: [Int: Int]
    package var likelihoodRule: LikelihoodRule
    package var impactRule: ImpactRule
    package var sensitivities: [PolicySensitivity]
    /// How exposed the deployment is (public-api, internal, offline) and what that does to impact.
    package var exposures: [ImpactAdjustment]
    /// What each access level does to impact.
    package var accessLevels: [ImpactAdjustment]
    package var probePolicies: [ProbePolicy]
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.child("name").text
        methodology = try r.attribute("methodology")
        source = try r.attribute("source")
        let scale = try r.child("scale")
        scaleMin = try scale.int("min")
        scaleMax = try scale.int("max")
        levels = try r.child("levels").children("level", as: LevelBand.init)
        severityMatrix = try r.child("severityMatrix").children("entry", as: SeverityMatrixEntry.init)
        likelihoodFactors = try r.child("likelihoodFactors").children("factor", as: RiskRatingFactor.init)
        impactFactors = try r.child("impactFactors").children("factor", as: RiskRatingFactor.init)
        var conversion: [Int: Int] = [:]
        for m in try r.child("owaspConversion").children("map") { conversion[try m.int("owasp")] = try m.int("score") }
        owaspConversion = conversion
        likelihoodRule = try LikelihoodRule(r.child("likelihoodRule"))
        impactRule = try ImpactRule(r.child("impactRule"))
        sensitivities = try r.child("sensitivities").children("sensitivity", as: PolicySensitivity.init)
        var exposures: [ImpactAdjustment] = []
        for e in r.children("exposures").flatMap({ $0.children("exposure") }) {
            exposures.append(try ImpactAdjustment(e))
        }
        self.exposures = exposures
        var accessLevels: [ImpactAdjustment] = []
        for a in r.children("accessLevels").flatMap({ $0.children("access") }) {
            accessLevels.append(try ImpactAdjustment(a))
        }
        self.accessLevels = accessLevels
        probePolicies = try r.child("probePolicies").children("probePolicy", as: ProbePolicy.init)
        location = r.location
    }

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
