/// An attack that was selected but not run, and why.
public struct SkippedAttack: Sendable, Equatable, Codable {
    public var attack: MembershipAttack
    public var reason: String

    public init(attack: MembershipAttack, reason: String) {
        self.attack = attack
        self.reason = reason
    }
}
