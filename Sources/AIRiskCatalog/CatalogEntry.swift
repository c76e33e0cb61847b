/// Any catalog entry that has an ID of its own.
package enum CatalogEntry: Sendable, Equatable {
    case stage(Stage)
    case attackClass(AttackClass)
    case technique(Technique)
    case defense(Defense)
    case owaspRisk(OwaspRisk)
    case atlasTactic(AtlasTactic)
    case atlasTechnique(AtlasTechnique)
    case atlasMitigation(AtlasMitigation)
    case probe(Probe)
    case measurableDefense(MeasurableDefense)

    /// The entry's value, for the fields every kind of entry has.
    private var value: any IdentifiedCatalogEntry {
        switch self {
        case .stage(let e): e
        case .attackClass(let e): e
        case .technique(let e): e
        case .defense(let e): e
        case .owaspRisk(let e): e
        case .atlasTactic(let e): e
        case .atlasTechnique(let e): e
        case .atlasMitigation(let e): e
        case .probe(let e): e
        case .measurableDefense(let e): e
        }
    }

    package var id: String { value.id }

    package var kind: CatalogEntryKind {
        switch self {
        case .stage: .stage
        case .attackClass: .attackClass
        case .technique: .technique
        case .defense: .defense
        case .owaspRisk: .owaspRisk
        case .atlasTactic: .atlasTactic
        case .atlasTechnique: .atlasTechnique
        case .atlasMitigation: .atlasMitigation
        case .probe: .probe
        case .measurableDefense: .measurableDefense
        }
    }

    /// The entry's name; entries named only in English give that name for both languages.
    package func name(_ language: Language) -> String {
        switch self {
        case .stage(let e): e.name.text(language)
        case .attackClass(let e): e.name.text(language)
        case .technique(let e): e.name.text(language)
        case .defense(let e): e.name.text(language)
        case .owaspRisk(let e): e.title
        case .atlasTactic(let e): e.name
        case .atlasTechnique(let e): e.name
        case .atlasMitigation(let e): e.name
        case .probe(let e): e.name.text(language)
        case .measurableDefense(let e): e.name.text(language)
        }
    }

    package var location: SourceLocation { value.location }
}
