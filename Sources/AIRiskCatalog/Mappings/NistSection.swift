/// An entry of the NIST AI 100-2 E2025 taxonomy (Adversarial Machine Learning: A Taxonomy and Terminology), e.g.
/// NISTAML.033 Membership Inference.
package struct NistSection: Sendable, Equatable, Encodable, CatalogElement {
    /// The edition, e.g. "E2025".
    package var edition: String
    /// The taxonomy ID, e.g. "NISTAML.033".
    package var id: String
    package var title: String
    package var status: VerificationStatus

    /// "NIST AI 100-2 E2025 NISTAML.033 Membership Inference".
    package var citation: String { "NIST AI 100-2 \(edition) \(id) \(title)" }
}
