import AIRiskAccess

/// Everything the membership probe measured, for the results document and the report.
package struct MembershipResult: Sendable, Equatable {
    package var modelName: String
    /// The access the probe used (labels-only when the model returns labels; scores otherwise —
    /// the probe never uses gradients).
    package var accessLevel: AccessLevel
    package var outputKind: OutputKind
    package var seed: UInt64
    package var memberCount: Int
    package var nonMemberCount: Int
    /// Records in the population set (0 when none was given).
    package var populationCount: Int
    /// Attacks that ran, in the configured order.
    package var attacks: [MembershipAttackResult]
    package var skipped: [SkippedAttack]
    /// Facts about the run the report must show (data splits, substitutions).
    package var notes: [String]
    /// Queries made to the target model.
    package var queries: QueryCount
    package var wallTimeSeconds: Double
    /// The target's accuracy on the members and the non-members.
    package var memberAccuracy: Double
    package var nonMemberAccuracy: Double
    /// memberAccuracy − nonMemberAccuracy.
    package var accuracyGap: Double
    /// For a regressor: the target's mean squared error on the members and the non-members (the accuracy
    /// fields are then 0).
    package var regressionError: RegressionError? = nil
    /// For a many-to-many sequence model: the per-step figures and the leakiest steps (the other fields describe
    /// the final step).
    package var sequence: SequenceMembership? = nil
    /// Shadow and reference models actually trained (0 when those attacks did not run).
    package var shadowModelCount: Int
    package var referenceModelCount: Int
    /// Where LiRA's and RMIA's reference models came from ("16 reference models trained in-process (…)" or
    /// "8 reference models loaded from DIR"); nil when neither ran.
    package var referenceOrigin: String?
    /// How the in-process reference models' recipe was calibrated to the target; nil when it was not.
    package var referenceRecipeMatch: ReferenceRecipeMatch?
    /// The in-process trainer used for shadow and reference models.
    package var trainerSummary: String
    package var metricDefinitions: [MetricDefinition]

    /// The result of `attack`, if it ran.
    package func result(for attack: MembershipAttack) -> MembershipAttackResult? {
        attacks.first { $0.attack == attack }
    }
}
