/// A measured result placed on the AI Security Matrix and scored as a risk.
package struct Finding: Sendable, Equatable, Codable {
    package var id: String
    /// The probe whose measurement this finding rests on.
    package var probeID: String
    package var title: String
    package var severity: Severity
    package var likelihood: RiskFactor
    package var impact: RiskFactor
    /// Why the scores are what they are, in words.
    package var rationale: String
    /// The matrix stage id (e.g. stage.deployment).
    package var stageID: String
    /// The matrix attack-class id (e.g. class.data-theft).
    package var classID: String
    /// The OWASP ML Top 10 entry (e.g. ML04 Membership Inference Attack).
    package var owasp: Reference
    /// The MITRE ATLAS technique (e.g. AML.T0024.000).
    package var atlas: Reference
    /// The NIST AI 100-2 section that describes the attack.
    package var nistSection: String
    package var recommendedDefenses: [RecommendedDefense]
    /// The probe's headline figure with its 95 % interval and chance level: the one number the severity
    /// rests on, cited the same way in every section and format. Nil in documents written before it existed.
    package var headline: Metric?
    /// The deployment context that adjusted impact (data sensitivity, exposure, access), in words.
    package var context: String?
    /// The false-positive rate the policy reads this probe's TPR at (membership), nil otherwise: the
    /// ``Metric/targetFPR`` of the probe metric the rationale cites.
    package var targetFPR: Double?

    package init(
        id: String, probeID: String, title: String, severity: Severity, likelihood: RiskFactor, impact: RiskFactor,
        rationale: String, stageID: String, classID: String, owasp: Reference, atlas: Reference,
        nistSection: String, recommendedDefenses: [RecommendedDefense] = [], headline: Metric? = nil,
        context: String? = nil, targetFPR: Double? = nil
    ) {
        self.targetFPR = targetFPR
        self.headline = headline
        self.context = context
        self.id = id
        self.probeID = probeID
        self.title = title
        self.severity = severity
        self.likelihood = likelihood
        self.impact = impact
        self.rationale = rationale
        self.stageID = stageID
        self.classID = classID
        self.owasp = owasp
        self.atlas = atlas
        self.nistSection = nistSection
        self.recommendedDefenses = recommendedDefenses
    }
}
