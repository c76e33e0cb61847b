/// The membership attacks the probe can run. Every attack scores the same member and non-member
/// records; a higher score means "more likely a member".
public enum MembershipAttack: String, Sendable, Codable, CaseIterable, Hashable {
    /// Threshold on the true-class confidence, as log p_y − log Σ_{j≠y} p_j.
    case confidence
    /// Threshold on the cross-entropy loss (Yeom et al. 2018).
    case loss
    /// Threshold on the prediction entropy.
    case entropy
    /// Threshold on the modified entropy (Song & Mittal 2021).
    case modifiedEntropy = "modified-entropy"
    /// Label-only: member iff the predicted label is the true label.
    case gap
    /// Label-only: robustness of the correct label to random perturbations of growing radius.
    case boundaryDistance = "boundary-distance"
    /// Shadow models and per-class attack models (Shokri et al. 2017).
    case shadowModel = "shadow-model"
    /// LiRA with OUT reference models only (Carlini et al. 2022).
    case liraOffline = "lira-offline"
    /// LiRA with IN and OUT reference models (Carlini et al. 2022).
    case liraOnline = "lira-online"

    /// Whether the attack needs class scores (probabilities or logits) from the target.
    public var needsScores: Bool {
        switch self {
        case .gap, .boundaryDistance: false
        default: true
        }
    }

    /// A display name for tables and reports.
    public var displayName: String {
        switch self {
        case .confidence: "confidence threshold"
        case .loss: "loss threshold"
        case .entropy: "entropy threshold"
        case .modifiedEntropy: "modified-entropy threshold"
        case .gap: "gap (label-only)"
        case .boundaryDistance: "boundary distance (label-only)"
        case .shadowModel: "shadow models (Shokri)"
        case .liraOffline: "LiRA offline"
        case .liraOnline: "LiRA online"
        }
    }
}
