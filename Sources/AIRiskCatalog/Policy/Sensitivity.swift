/// A data-sensitivity level a user can declare, and the impact score (confidentiality-loss option) it stands for.
public struct Sensitivity: Sendable, Equatable, Encodable {
    /// "low", "medium" or "high".
    public var id: String
    public var score: Int
    /// The impact factor and option the score comes from.
    public var factor: String
    public var option: String
    public var description: String
    public var location: SourceLocation

    init(_ r: ElementReader) throws(CatalogError) {
        id = try r.attribute("id")
        score = try r.int("score")
        factor = try r.attribute("factor")
        option = try r.attribute("option")
        description = r.text
        location = r.location
    }
}
