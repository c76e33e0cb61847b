/// The membership attacks the probe can run. Every attack scores the same member and non-member
/// records; a higher score means "more likely a member".
package enum MembershipAttack: String, Sendable, Codable, CaseIterable, Hashable {
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
    /// RMIA with OUT reference models only and the calibrated `a` (Zarifzadeh et al. 2024).
    case rmiaOffline = "rmia-offline"
    /// RMIA with all reference models (Zarifzadeh et al. 2024).
    case rmiaOnline = "rmia-online"
    /// Regressors: threshold on the squared error, averaged over the outputs (Yeom et al. 2018's loss attack).
    case squaredError = "squared-error"
    /// Sequence models: the loss threshold at the leakiest step, the step chosen on the other half of the records.
    case leakiestStepLoss = "leakiest-step-loss"

    /// Every attack on a classifier's answers (all but ``squaredError``, the regressor's loss attack): the
    /// configuration's default. A sequence model gets them on its final step, and ``leakiestStepLoss`` besides.
    package static let classifierAttacks: [MembershipAttack] = allCases.filter {
        $0 != .squaredError && $0 != .leakiestStepLoss
    }

    var isRMIA: Bool { self == .rmiaOnline || self == .rmiaOffline }

    /// Whether the attack reads the shared reference models (LiRA and RMIA).
    package var usesReferenceModels: Bool {
        switch self {
        case .liraOffline, .liraOnline, .rmiaOffline, .rmiaOnline: true
        default: false
        }
    }

    /// Whether the attack needs class scores (probabilities or logits) from the target.
    package var needsScores: Bool {
        switch self {
        case .gap, .boundaryDistance: false
        default: true
        }
    }

    /// A display name for tables and reports.
    package var displayName: String {
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
        case .rmiaOffline: "RMIA offline"
        case .rmiaOnline: "RMIA online"
        case .squaredError: "squared-error threshold"
        case .leakiestStepLoss: "loss threshold, leakiest step"
        }
    }

    /// How the attack scores a record, for the report's definitions section.
    package var definition: String {
        switch self {
        case .confidence: "score = log p_y − log Σ_{j≠y} p_j (true-class confidence, logit-scaled, saturation-safe)"
        case .loss: "score = log p_y, the negated cross-entropy loss (Yeom et al. 2018)"
        case .entropy: "score = Σ_j p_j log p_j, the negated prediction entropy"
        case .modifiedEntropy:
            "score = −Mentr, Mentr = −(1 − p_y) log p_y − Σ_{j≠y} p_j log(1 − p_j) (Song & Mittal 2021)"
        case .gap: "score = 1 if the predicted label equals the true label, else 0 (label-only)"
        case .boundaryDistance:
            "score = 1[correct] + fraction of Gaussian-perturbed copies (radii × feature std) still labelled "
                + "correctly (label-only)"
        case .shadowModel:
            "k shadow models trained on random halves of the attacker's pool; a per-class attack model on the "
                + "shadows' log-probabilities and φ gives score = log P(in) − log P(out) (Shokri et al. 2017)"
        case .liraOffline:
            "score = (φ − μ_out) / σ_out, φ = log p_y − log(1 − p_y), Gaussian fitted to φ under reference models "
                + "that did not train on the record (Carlini et al. 2022)"
        case .liraOnline:
            "score = log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²) over reference models that did / did not "
                + "train on the record (Carlini et al. 2022)"
        case .rmiaOffline:
            "score = share of population records z with Ratio(x) / Ratio(z) ≥ γ = 1, Ratio = p_y(target) / Pr, "
                + "Pr(x) = ½((1 + a)·mean p_y over reference models that did not train on x + (1 − a)), a calibrated "
                + "on the reference models (Zarifzadeh et al. 2024)"
        case .rmiaOnline:
            "score = share of population records z with Ratio(x) / Ratio(z) ≥ γ = 1, Ratio = p_y(target) / mean "
                + "p_y over all reference models (Zarifzadeh et al. 2024)"
        case .squaredError:
            "score = −(1/k) Σ_j (ŷ_j − y_j)², the negated squared error averaged over the regressor's k outputs "
                + "(the loss attack of Yeom et al. 2018 for regression)"
        case .leakiestStepLoss:
            "score = log p_y at the step whose loss attack had the highest AUC on the other half of the records "
                + "(records split in two at random; each half is scored at the step the other half chose), for "
                + "sequence models that answer at every step (seed 004)"
        }
    }
}
