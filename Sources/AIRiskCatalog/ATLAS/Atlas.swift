/// The part of MITRE ATLAS airisk maps to, at one ATLAS version.
package struct Atlas: Sendable, Equatable, Encodable {
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

    init(_ r: ElementReader) throws(CatalogError) {
        version = try r.attribute("version")
        oldVersion = try r.attribute("oldVersion")
        renameVersion = try r.attribute("renameVersion")
        source = try r.attribute("source")
        url = try r.attribute("url")
        note = r.childText("note")
        tactics = try r.child("tactics").children("tactic", as: AtlasTactic.init)
        techniques = try r.child("techniques").children("technique", as: AtlasTechnique.init)
        mitigations = try r.child("mitigations").children("mitigation", as: AtlasMitigation.init)
    }

    /// The techniques a mitigation is listed for.
    package func techniques(mitigatedBy mitigation: String) -> [AtlasTechnique] {
        techniques.filter { $0.mitigations.contains(mitigation) }
    }
}
