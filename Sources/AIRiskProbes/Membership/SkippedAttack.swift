/// An attack that was selected but not run, and why.
package struct SkippedAttack: Sendable, Equatable, Codable {
    package var attack: MembershipAttack
    package var reason: String
}
