/// What every kind of ``CatalogEntry`` has: its own ID and where it is written.
protocol IdentifiedCatalogEntry {
    var id: String { get }
    var location: SourceLocation { get }
}

extension Stage: IdentifiedCatalogEntry {}
extension AttackClass: IdentifiedCatalogEntry {}
extension Technique: IdentifiedCatalogEntry {}
extension Defense: IdentifiedCatalogEntry {}
extension OwaspRisk: IdentifiedCatalogEntry {}
extension AtlasTactic: IdentifiedCatalogEntry {}
extension AtlasTechnique: IdentifiedCatalogEntry {}
extension AtlasMitigation: IdentifiedCatalogEntry {}
extension Probe: IdentifiedCatalogEntry {}
extension MeasurableDefense: IdentifiedCatalogEntry {}
