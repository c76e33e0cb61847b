import AIRiskProbes

/// Budgets in one word. `quick` finishes in seconds on the demo (RMIA with 2 reference models);
/// `standard` runs LiRA and RMIA with 16, `thorough` with 64 reference models and large query budgets. The profile and every budget it sets are recorded
/// in the results.
package enum Profile: String, Sendable, CaseIterable, Codable {
    case quick
    case standard
    case thorough

    package func membership(seed: UInt64, scoresAvailable: Bool) -> MembershipProbeConfiguration {
        var c = MembershipProbeConfiguration(seed: seed)
        switch self {
        case .quick:
            // RMIA stays strong with two reference models (Zarifzadeh et al. 2024); LiRA needs many more.
            c.attacks = [.confidence, .loss, .entropy, .modifiedEntropy, .gap, .rmiaOffline, .rmiaOnline]
            c.shadowModelCount = 0
            c.referenceModelCount = 2
            c.referenceRecipeCandidates = Self.recipes(epochs: [60, 480], l2: [1e-2], base: c)
        case .standard:
            c.shadowModelCount = 4
            c.referenceModelCount = 16
            c.epochs = 100
            c.referenceRecipeCandidates = Self.recipes(epochs: [100, 200, 400], l2: [1e-3, 1e-2], base: c)
        case .thorough:
            c.shadowModelCount = 8
            c.referenceModelCount = 64
            c.epochs = 200
            c.referenceRecipeCandidates = Self.recipes(epochs: [200, 400, 800, 1600], l2: [1e-3, 1e-2], base: c)
        }
        if !scoresAvailable { c.attacks = [.gap, .boundaryDistance] }
        return c
    }

    /// The reference-recipe candidates: each epoch count without extra weight decay, and each weight decay
    /// at the profile's epochs (for regularised targets).
    static func recipes(epochs: [Int], l2: [Float], base c: MembershipProbeConfiguration) -> [ReferenceRecipe] {
        epochs.map { ReferenceRecipe(epochs: $0, l2: c.l2, learningRate: c.learningRate, batchSize: c.batchSize) }
            + l2.map {
                ReferenceRecipe(epochs: c.epochs, l2: $0, learningRate: c.learningRate, batchSize: c.batchSize)
            }
    }

    func inversion(seed: UInt64) -> InversionConfiguration {
        var c = InversionConfiguration()
        c.seed = seed
        switch self {
        case .quick:
            c.restarts = 1
            c.maxIterations = 100
            c.samplesPerEstimate = 10
            c.queryBudget = 50_000
        case .standard:
            c.restarts = 2
            c.maxIterations = 300
            c.queryBudget = 200_000
            // Model augmentation with 4 copies (centred cosine, white-box: overfit MLP 0.914 → 0.931, PyTorch CNN
            // 0.904 → 0.924, softmax digits 0.961 either way).
            c.augmentationModels = 4
        case .thorough:
            c.restarts = 5
            c.maxIterations = 1000
            c.patience = 100
            c.queryBudget = 2_000_000
            c.augmentationModels = 4
        }
        return c
    }

    func extraction(seed: UInt64) -> ExtractionConfiguration {
        var c = ExtractionConfiguration()
        c.seed = seed
        switch self {
        case .quick:
            c.budgets = [50, 100, 200, 500, 1000]
            c.sources = [.publicData, .uniform]
            c.classificationLosses = [.hard, .soft(temperature: 4)]
            c.regressionLosses = [.l2]
        case .standard:
            c.budgets = [50, 100, 200, 500, 1000, 2000]
            c.sources = [.publicData, .gaussian(scale: 0.5)]
            c.classificationLosses = [.hard, .soft(temperature: 4), .soft(temperature: 16)]
            c.regressionLosses = [.l2, .margin(m: 5)]
        case .thorough:
            break
        }
        return c
    }
}
