/// One attack's scores and metrics.
package struct MembershipAttackResult: Sendable, Equatable, Codable {
    package var attack: MembershipAttack
    package var name: String
    /// Scores of the members and non-members, in the order they were given (higher = member).
    package var memberScores: [Double]
    package var nonMemberScores: [Double]
    package var metrics: MembershipMetrics
    /// Time spent in this attack (training in-process models included), in seconds.
    package var wallTimeSeconds: Double
    /// Facts about how the attack ran (models used, data splits, budget reductions).
    package var notes: [String]

    package init(
        attack: MembershipAttack, memberScores: [Double], nonMemberScores: [Double], metrics: MembershipMetrics,
        wallTimeSeconds: Double, notes: [String]
    ) {
        self.attack = attack
        name = attack.displayName
        self.memberScores = memberScores
        self.nonMemberScores = nonMemberScores
        self.metrics = metrics
        self.wallTimeSeconds = wallTimeSeconds
        self.notes = notes
    }
}
