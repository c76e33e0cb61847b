/// A section of NIST AI 100-2 (Adversarial Machine Learning: A Taxonomy and Terminology).
public struct NistSection: Sendable, Equatable, Encodable {
    /// The edition, e.g. "E2023".
    public var edition: String
    /// The section number, e.g. "2.4.2".
    public var section: String
    public var title: String

    init(_ r: ElementReader) throws(CatalogError) {
        edition = try r.attribute("edition")
        section = try r.attribute("section")
        title = try r.attribute("title")
    }
}
