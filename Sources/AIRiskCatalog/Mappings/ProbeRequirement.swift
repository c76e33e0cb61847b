/// A requirement or control of another framework (OWASP AISVS, EU AI Act, ISO/IEC 42001, OWASP AI Exchange) that a
/// probe's measurement bears on.
package struct ProbeRequirement: Sendable, Equatable, Encodable, CatalogElement {
    package enum Kind: String, Sendable, Codable, CaseIterable, CatalogEnumeration {
        /// The probe's verdict passes or fails it.
        case requirement
        /// Cited for context; the probe does not test it.
        case reference
    }

    /// The framework with its version, e.g. "OWASP AISVS 1.0".
    package var framework: String
    /// The entry within the framework, e.g. "11.3.3" or "Art. 15(5)".
    package var ref: String
    package var kind: Kind
    package var status: VerificationStatus
    /// airisk's paraphrase of the requirement.
    package var text: String
    package var url: String?
    /// What is missing or how the entry was checked.
    package var note: String?

    static let xmlSources: [String: XMLSource] = [
        "text": .childText, "url": .childText, "note": .childText,
    ]
}
