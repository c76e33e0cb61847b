/// One of airisk's probes and the catalog entries its measurement stands for.
package struct Probe: Sendable, Equatable, Encodable, CatalogElement {
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

    static let xmlSources: [String: XMLSource] = [
        "question": .childText, "stage": .childAttribute("stage", of: "cell"),
        "attackClass": .childAttribute("class", of: "cell"), "techniques": .children("technique"),
        "owasp": .children("owasp"), "atlas": .children("atlas"), "requirements": .children("requirement"),
    ]
}
