/// An entry in an external catalog (OWASP ML Top 10, MITRE ATLAS), by id and name.
public struct Reference: Sendable, Equatable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
