/// One budget an assessment ran under, such as `extraction.queries` = 5000 or `inversion.restarts` = 4.
package struct Budget: Sendable, Equatable, Codable {
    /// A dotted name, `probe.quantity`.
    package var name: String
    package var value: Double

    package init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
