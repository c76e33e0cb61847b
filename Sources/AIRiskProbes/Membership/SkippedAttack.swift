/// An attack that was selected but not run, and why.
package struct SkippedAttack: Sendable, Equatable, Codable {
    package var attack: MembershipAttack
    package var reason: String

    package init(attack: MembershipAttack, reason: String) {
        self.attack = attack
        self.reason = reason
    }
}
