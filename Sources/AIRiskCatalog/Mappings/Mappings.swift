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
        var probes: [Probe] = []
        for p in try r.child("probes").children("probe") { probes.append(try Probe(p)) }
        self.probes = probes
        var defenseMappings: [DefenseMapping] = []
        for d in try r.child("defenseMappings").children("defenseMapping") {
            defenseMappings.append(try DefenseMapping(d))
        }
        self.defenseMappings = defenseMappings
        var measurable: [MeasurableDefense] = []
        for m in try r.child("measurableDefenses").children("measurableDefense") {
            measurable.append(try MeasurableDefense(m))
        }
        measurableDefenses = measurable
        var classMappings: [ClassMapping] = []
        for c in try r.child("classMappings").children("classMapping") { classMappings.append(try ClassMapping(c)) }
        self.classMappings = classMappings
    }
}
