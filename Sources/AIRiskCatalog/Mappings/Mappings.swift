/// airisk's mappings between its probes, the matrix, OWASP ML Top 10, ATLAS and NIST AI 100-2.
package struct Mappings: Sendable, Equatable, Encodable {
    package var atlasVersion: String
    package var nistEdition: String
    package var probes: [Probe]
    package var defenseMappings: [DefenseMapping]
    package var measurableDefenses: [MeasurableDefense]
    package var classMappings: [ClassMapping]

    init(_ r: ElementReader) throws(CatalogError) {
        atlasVersion = try r.attribute("atlasVersion")
        nistEdition = try r.attribute("nistEdition")
        probes = try r.child("probes").children("probe", as: Probe.init)
        defenseMappings = try r.child("defenseMappings").children("defenseMapping", as: DefenseMapping.init)
        measurableDefenses = try r.child("measurableDefenses").children("measurableDefense", as: MeasurableDefense.init)
        classMappings = try r.child("classMappings").children("classMapping", as: ClassMapping.init)
    }
}
