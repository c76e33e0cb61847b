/// A member record an attack singles out: its index in the members set and its score.
public struct ExposedRecord: Sendable, Equatable, Codable {
    public var index: Int
    public var score: Double

    public init(index: Int, score: Double) {
        self.index = index
        self.score = score
    }
}
