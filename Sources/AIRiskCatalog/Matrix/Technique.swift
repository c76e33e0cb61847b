/// An attack technique (攻撃手法) in a matrix cell, with its paper and the defenses that counter it.
package struct Technique: Sendable, Equatable, Encodable, CatalogElement {
    /// Where an entry comes from: MBSD's matrix, or airisk placing a technique it implements.
    package enum Source: String, Sendable, Codable, CaseIterable, CatalogEnumeration {
        case mbsd = "MBSD"
        case airisk
    }

    package var id: String
    /// The ``AttackClass`` (and so the cell) the technique belongs to.
    package var attackClass: String
    package var name: LocalizedName
    package var status: VerificationStatus
    package var source: Source
    package var url: String?
    package var paper: Paper?
    package var summary: String?
    /// Matrix defenses that counter this technique.
    package var defenses: [StatusLink]
    package var note: String?
    package var location: SourceLocation

    static let xmlSources: [String: XMLSource] = [
        "attackClass": .attribute("class"), "summary": .childText, "defenses": .children("defense"),
        "note": .childText,
    ]
}
