/// airisk's mappings between its probes, the matrix, OWASP ML Top 10, ATLAS and NIST AI 100-2.
package struct Mappings: Sendable, Equatable, Encodable, CatalogElement {
    package var atlasVersion: String
    package var nistEdition: String
    package var probes: [Probe]
    package var defenseMappings: [DefenseMapping]
    package var measurableDefenses: [MeasurableDefense]
    package var classMappings: [ClassMapping]

    static let xmlSources: [String: XMLSource] = [
        "probes": .children("probe", in: "probes"),
        "defenseMappings": .children("defenseMapping", in: "defenseMappings"),
        "measurableDefenses": .children("measurableDefense", in: "measurableDefenses"),
        "classMappings": .children("classMapping", in: "classMappings"),
    ]
}
