/// The part of MITRE ATLAS airisk maps to, at one ATLAS version.
package struct Atlas: Sendable, Equatable, Encodable, CatalogElement {
    /// The ATLAS version the names and links come from (e.g. 5.6.0).
    package var version: String
    /// The older version whose "ML" names are kept beside the current ones.
    package var oldVersion: String
    /// The version that renamed "ML" to "AI".
    package var renameVersion: String
    package var source: String
    package var url: String
    package var note: String?
    package var tactics: [AtlasTactic]
    package var techniques: [AtlasTechnique]
    package var mitigations: [AtlasMitigation]

    static let xmlSources: [String: XMLSource] = [
        "note": .childText,
        "tactics": .children("tactic", in: "tactics"),
        "techniques": .children("technique", in: "techniques"),
        "mitigations": .children("mitigation", in: "mitigations"),
    ]

    /// The techniques a mitigation is listed for.
    package func techniques(mitigatedBy mitigation: String) -> [AtlasTechnique] {
        techniques.filter { $0.mitigations.contains { $0.ref == mitigation } }
    }
}
