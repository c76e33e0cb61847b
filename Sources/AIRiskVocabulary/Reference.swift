/// An entry in an external catalog (OWASP ML Top 10, MITRE ATLAS), by id and name.
package struct Reference: Sendable, Equatable, Codable {
    package var id: String
    package var name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
