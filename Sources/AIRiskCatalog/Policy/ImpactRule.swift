/// How the policy combines the declared data sensitivity with the OWASP technical impact.
package struct ImpactRule: Sendable, Equatable, Encodable, CatalogElement {
    package var sensitivityWeight: Double
    package var technicalWeight: Double

    static let xmlSources: [String: XMLSource] = [
        "sensitivityWeight": .attribute("sensitivityWeight", fallback: "0"),
        "technicalWeight": .attribute("technicalWeight", fallback: "0"),
    ]

    func finish(reading r: ElementReader) throws(CatalogError) {
        if sensitivityWeight + technicalWeight <= 0 { throw r.issue("impact weights must not both be 0") }
    }
}
