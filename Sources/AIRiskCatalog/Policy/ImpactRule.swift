/// How the policy combines the declared data sensitivity with the OWASP technical impact.
package struct ImpactRule: Sendable, Equatable, Encodable {
    package var sensitivityWeight: Double
    package var technicalWeight: Double

    init(_ r: ElementReader) throws(CatalogError) {
        sensitivityWeight = try r.double("sensitivityWeight") ?? 0
        technicalWeight = try r.double("technicalWeight") ?? 0
        if sensitivityWeight + technicalWeight <= 0 { throw r.issue("impact weights must not both be 0") }
    }
}
