/// A member record an attack singles out: its index in the members set and its score.
package struct ExposedRecord: Sendable, Equatable, Codable {
    package var index: Int
    package var score: Double
}
