import AIRiskAccess

/// Trains the in-process models the shadow-model attack and LiRA need (shadow models, reference
/// models) on records the attacker holds.
///
/// The returned model must answer with class probabilities (or logits) of width `classCount`.
/// Training must be deterministic in `seed`. The probe trains several models concurrently, so an
/// implementation should not itself saturate every core.
package protocol MembershipModelTrainer: Sendable {
    /// A short description for the report, e.g. "MLP 64→[64]→10, Adam, 60 epochs".
    var summary: String { get }

    func train(_ data: LabeledData, classCount: Int, seed: UInt64) async throws -> any ModelAccess
}
