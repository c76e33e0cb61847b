/// The files a catalog directory holds, each validated against its own XSD in `schema/`.
package enum CatalogFile: String, Sendable, CaseIterable {
    case matrix
    case owasp
    case atlas
    case mappings
    case policy

    /// The document's path inside the catalog directory.
    package var fileName: String {
        switch self {
        case .matrix: "matrix.xml"
        case .owasp: "owasp-ml-top10-2023.xml"
        case .atlas: "atlas.xml"
        case .mappings: "mappings.xml"
        case .policy: "policy-default.xml"
        }
    }

    /// The XSD's path inside the catalog directory.
    package var schemaName: String {
        switch self {
        case .matrix: "schema/matrix.xsd"
        case .owasp: "schema/owasp-ml-top10.xsd"
        case .atlas: "schema/atlas.xsd"
        case .mappings: "schema/mappings.xsd"
        case .policy: "schema/policy.xsd"
        }
    }

    /// The catalog namespace every document's root element is in.
    package static let namespace = "urn:airisk:catalog:1"
}
