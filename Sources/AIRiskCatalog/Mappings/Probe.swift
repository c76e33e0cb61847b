/// One of airisk's probes and the catalog entries its measurement stands for.
public struct Probe: Sendable, Equatable, Encodable {
    /// "membership", "inversion" or "extraction".
    public var id: String
    public var name: LocalizedName
    public var status: VerificationStatus
    /// The question the probe answers.
    public var question: String
    /// The matrix cell: its ``Stage`` and ``AttackClass`` IDs.
    public var stage: String
    public var attackClass: String
    /// Matrix techniques the probe implements.
    public var techniques: [CatalogReference]
    /// OWASP ML Top 10 risk IDs.
    public var owasp: [CatalogReference]
    /// ATLAS technique IDs.
    public var atlas: [CatalogReference]
    /// The NIST AI 100-2 E2025 taxonomy entry.
    public var nist: NistSection
    /// Requirements and controls of OWASP AISVS, the EU AI Act, ISO/IEC 42001 and OWASP AI Exchange.
    public var requirements: [ProbeRequirement]
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        name = try r.names()
        status = try r.status()
        question = try r.child("question").text
        let cell = try r.child("cell")
        stage = try cell.attribute("stage")
        attackClass = try cell.attribute("class")
        techniques = try r.references("technique")
        owasp = try r.references("owasp")
        atlas = try r.references("atlas")
        nist = try NistSection(r.child("nist"))
        var requirements: [ProbeRequirement] = []
        for q in r.children("requirement") { requirements.append(try ProbeRequirement(q)) }
        self.requirements = requirements
        location = r.location
    }
}
