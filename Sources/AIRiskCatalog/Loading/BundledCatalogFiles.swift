/// The catalog documents and schemas of `Resources/`, embedded in the binary at build time (SwiftPM
/// `.embedInCode`), keyed by path relative to that folder (the layout `--catalog DIR` expects).
enum BundledCatalogFiles {
    static let files: [String: String] = [
        "matrix.xml": text(PackageResources.matrix_xml),
        "owasp-ml-top10-2023.xml": text(PackageResources.owasp_ml_top10_2023_xml),
        "atlas.xml": text(PackageResources.atlas_xml),
        "mappings.xml": text(PackageResources.mappings_xml),
        "policy-default.xml": text(PackageResources.policy_default_xml),
        "schema/matrix.xsd": text(PackageResources.matrix_xsd),
        "schema/owasp-ml-top10.xsd": text(PackageResources.owasp_ml_top10_xsd),
        "schema/atlas.xsd": text(PackageResources.atlas_xsd),
        "schema/mappings.xsd": text(PackageResources.mappings_xsd),
        "schema/policy.xsd": text(PackageResources.policy_xsd),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
