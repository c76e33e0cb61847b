import AIRiskAccess

/// Everything the membership probe measured, for the results document and the report.
public struct MembershipResult: Sendable, Equatable {
    public var modelName: String
    /// The access the probe used (labels-only when the model returns labels; scores otherwise —
    /// the probe never uses gradients).
    public var accessLevel: AccessLevel
    public var outputKind: OutputKind
    public var seed: UInt64
    public var memberCount: Int
    public var nonMemberCount: Int
    /// Records in the population set (0 when none was given).
    public var populationCount: Int
    /// Attacks that ran, in the configured order.
    public var attacks: [MembershipAttackResult]
    public var skipped: [SkippedAttack]
    /// Facts about the run the report must show (data splits, substitutions).
    public var notes: [String]
    /// Queries made to the target model.
    public var queries: QueryCount
    public var wallTimeSeconds: Double
    /// The target's accuracy on the members and the non-members.
    public var memberAccuracy: Double
    public var nonMemberAccuracy: Double
    /// memberAccuracy − nonMemberAccuracy.
    public var accuracyGap: Double
    /// For a regressor: the target's mean squared error on the members and the non-members (the accuracy
    /// fields are then 0).
    public var regressionError: RegressionError? = nil
    /// For a many-to-many sequence model: the per-step figures and the leakiest steps (the other fields describe
    /// the final step).
    public var sequence: SequenceMembership? = nil
    /// Shadow and reference models actually trained (0 when those attacks did not run).
    public var shadowModelCount: Int
    public var referenceModelCount: Int
    /// Where LiRA's and RMIA's reference models came from ("16 reference models trained in-process (…)" or
    /// "8 reference models loaded from DIR"); nil when neither ran.
    public var referenceOrigin: String?
    /// How the in-process reference models' recipe was calibrated to the target; nil when it was not.
    public var referenceRecipeMatch: ReferenceRecipeMatch?
    /// The in-process trainer used for shadow and reference models.
    public var trainerSummary: String
    public var metricDefinitions: [MetricDefinition]

    /// The result of `attack`, if it ran.
    public func result(for attack: MembershipAttack) -> MembershipAttackResult? {
        attacks.first { $0.attack == attack }
    }
}
