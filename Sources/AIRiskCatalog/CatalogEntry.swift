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

    package var id: String {
        switch self {
        case .stage(let e): e.id
        case .attackClass(let e): e.id
        case .technique(let e): e.id
        case .defense(let e): e.id
        case .owaspRisk(let e): e.id
        case .atlasTactic(let e): e.id
        case .atlasTechnique(let e): e.id
        case .atlasMitigation(let e): e.id
        case .probe(let e): e.id
        case .measurableDefense(let e): e.id
        }
    }

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

    package var location: SourceLocation {
        switch self {
        case .stage(let e): e.location
        case .attackClass(let e): e.location
        case .technique(let e): e.location
        case .defense(let e): e.location
        case .owaspRisk(let e): e.location
        case .atlasTactic(let e): e.location
        case .atlasTechnique(let e): e.location
        case .atlasMitigation(let e): e.location
        case .probe(let e): e.location
        case .measurableDefense(let e): e.location
        }
    }
}
