/// One budget an assessment ran under, such as `extraction.queries` = 5000 or `inversion.restarts` = 4.
public struct Budget: Sendable, Equatable, Codable {
    /// A dotted name, `probe.quantity`.
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
