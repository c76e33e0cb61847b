/// The kinds of entry a catalog ID can name (the values of `airisk catalog list --kind`).
package enum CatalogEntryKind: String, Sendable, Encodable, CaseIterable {
    case stage
    case attackClass = "class"
    case technique
    case defense
    case owaspRisk = "owasp"
    case atlasTactic = "atlas-tactic"
    case atlasTechnique = "atlas-technique"
    case atlasMitigation = "atlas-mitigation"
    case probe
    case measurableDefense = "measurable-defense"

    /// A heading for lists of this kind.
    package var title: String {
        switch self {
        case .stage: "Lifecycle stages (AI Security Matrix)"
        case .attackClass: "Attack classes (AI Security Matrix)"
        case .technique: "Attack techniques (AI Security Matrix)"
        case .defense: "Defenses (AI Security Matrix)"
        case .owaspRisk: "OWASP Machine Learning Security Top Ten"
        case .atlasTactic: "MITRE ATLAS tactics"
        case .atlasTechnique: "MITRE ATLAS techniques"
        case .atlasMitigation: "MITRE ATLAS mitigations"
        case .probe: "airisk probes"
        case .measurableDefense: "Defenses airisk can measure"
        }
    }
}
