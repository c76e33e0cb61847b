/// One of airisk's probes and the catalog entries its measurement stands for.
package struct Probe: Sendable, Equatable, Encodable {
    /// "membership", "inversion" or "extraction".
    package var id: String
    package var name: LocalizedName
    package var status: VerificationStatus
    /// The question the probe answers.
    package var question: String
    /// The matrix cell: its ``Stage`` and ``AttackClass`` IDs.
    package var stage: String
    package var attackClass: String
    /// Matrix techniques the probe implements.
    package var techniques: [CatalogReference]
    /// OWASP ML Top 10 risk IDs.
    package var owasp: [CatalogReference]
    /// ATLAS technique IDs.
    package var atlas: [CatalogReference]
    /// The NIST AI 100-2 E2025 taxonomy entry.
    package var nist: NistSection
    /// Requirements and controls of OWASP AISVS, the EU AI Act, ISO/IEC 42001 and OWASP AI Exchange.
    package var requirements: [ProbeRequirement]
    package var location: SourceLocation

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
        requirements = try r.children("requirement", as: ProbeRequirement.init)
        location = r.location
    }
}
