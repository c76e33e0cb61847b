/// One attack's scores and metrics.
public struct MembershipAttackResult: Sendable, Equatable, Codable {
    public var attack: MembershipAttack
    public var name: String
    /// Scores of the members and non-members, in the order they were given (higher = member).
    public var memberScores: [Double]
    public var nonMemberScores: [Double]
    public var metrics: MembershipMetrics
    /// Time spent in this attack (training in-process models included), in seconds.
    public var wallTimeSeconds: Double
    /// Facts about how the attack ran (models used, data splits, budget reductions).
    public var notes: [String]

    public init(
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
