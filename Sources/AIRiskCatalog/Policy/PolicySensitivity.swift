/// A policy's entry for a data sensitivity a user can declare: the impact score (confidentiality-loss option) it
/// stands for.
package struct PolicySensitivity: Sendable, Equatable, Encodable {
    /// The declared sensitivity this entry scores.
    package var id: DataSensitivity
    package var score: Int
    /// The impact factor and option the score comes from.
    package var factor: String
    package var option: String
    package var description: String
    package var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        let raw = try r.attribute("id")
        guard let id = DataSensitivity(rawValue: raw) else {
            throw r.issue("sensitivity id must be one of \(DataSensitivity.accepted): \(raw)", id: raw)
        }
        self.id = id
        score = try r.int("score")
        factor = try r.attribute("factor")
        option = try r.attribute("option")
        description = r.text
        location = r.location
    }
}
