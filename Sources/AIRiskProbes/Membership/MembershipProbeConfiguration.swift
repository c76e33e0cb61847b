import AIRiskAccess

/// What the membership probe runs and how.
package struct MembershipProbeConfiguration: Sendable {
    /// Attacks to run, in this order (unavailable ones are reported as skipped).
    package var attacks: [MembershipAttack]
    /// Shadow models for the shadow-model attack (k).
    package var shadowModelCount: Int
    /// Reference models trained in-process for LiRA and RMIA (N), shared by the online and offline variants.
    package var referenceModelCount: Int
    /// Hidden layer sizes of the default in-process trainer ([] = multinomial logistic regression).
    package var hiddenSizes: [Int]
    package var epochs: Int
    package var batchSize: Int
    package var learningRate: Float
    package var l2: Float
    /// Hidden layers of the shadow attack's per-class attack models ([] = logistic regression).
    package var attackModelHiddenSizes: [Int]
    package var attackModelEpochs: Int
    /// Maximum rows the probe may send to the target model; nil for no limit.
    package var queryBudget: Int?
    package var seed: UInt64
    /// Perturbation radii of the boundary-distance attack, in units of each feature's standard deviation.
    package var boundaryRadii: [Double]
    /// Random directions per radius and record for the boundary-distance attack (reduced to fit the budget).
    package var boundaryDirections: Int
    /// LiRA's fixed (pooled) variance: nil picks it automatically when fewer than 64 reference models are used.
    package var liraFixedVariance: Bool?
    /// Rows per query to the target model.
    package var queryBatchRows: Int
    /// Reference models trained outside airisk (`--reference-models`): LiRA and RMIA use them instead of
    /// training ``referenceModelCount`` models in-process.
    package var suppliedReferences: ReferenceModelSet?
    /// The recipe of in-process reference models given by the user (`--reference-recipe`); nil to use
    /// ``referenceRecipeCandidates`` or, when that is empty, the fields above.
    package var referenceRecipe: ReferenceRecipe?
    /// Candidate recipes tried before in-process reference models are trained: the one whose member and
    /// non-member losses come closest to the target's is used (empty: no calibration). Ignored with a custom
    /// ``trainer``.
    package var referenceRecipeCandidates: [ReferenceRecipe] = []
    /// Whether in-process shadow, calibration and reference models learn on the raw inputs with Glorot-uniform
    /// initialisation (copies of a target that scales none of its inputs) instead of standardised inputs with the
    /// trainer's default initialisation.
    package var rawInputs = false
    /// What each input position of the target holds (``EngineNetworkTrainer/inputDomains``): in-process shadow,
    /// calibration and reference models read categories and texts as the target's own encoders do. The probe
    /// fills it from the model's input columns when it is nil.
    package var inputDomains: [FeatureDomain]?
    /// Replaces the default trainer (``EngineNetworkTrainer`` built from the fields above), e.g. with
    /// the tensor engine's trainer or one that copies the target's architecture.
    package var trainer: (any MembershipModelTrainer)?
    /// Called with the fraction of attacks done.
    package var progress: ProbeProgress?

    package init(
        attacks: [MembershipAttack] = MembershipAttack.classifierAttacks, shadowModelCount: Int = 4,
        referenceModelCount: Int = 16, hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64,
        learningRate: Float = 1e-3, l2: Float = 0, attackModelHiddenSizes: [Int] = [], attackModelEpochs: Int = 100,
        queryBudget: Int? = nil, seed: UInt64 = 0, boundaryRadii: [Double] = [0.1, 0.25, 0.5, 1, 2],
        boundaryDirections: Int = 8, liraFixedVariance: Bool? = nil, queryBatchRows: Int = 1024,
        trainer: (any MembershipModelTrainer)? = nil
    ) {
        self.attacks = attacks
        self.shadowModelCount = shadowModelCount
        self.referenceModelCount = referenceModelCount
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
        self.attackModelHiddenSizes = attackModelHiddenSizes
        self.attackModelEpochs = attackModelEpochs
        self.queryBudget = queryBudget
        self.seed = seed
        self.boundaryRadii = boundaryRadii
        self.boundaryDirections = boundaryDirections
        self.liraFixedVariance = liraFixedVariance
        self.queryBatchRows = queryBatchRows
        self.trainer = trainer
    }

    /// The trainer shadow and reference models are trained with.
    package var effectiveTrainer: any MembershipModelTrainer {
        trainer
            ?? engineTrainer(
                ReferenceRecipe(epochs: epochs, l2: l2, learningRate: learningRate, batchSize: batchSize))
    }

    /// The engine's trainer for this configuration's models with `recipe`.
    package func engineTrainer(_ recipe: ReferenceRecipe) -> EngineNetworkTrainer {
        EngineNetworkTrainer(
            hiddenSizes: hiddenSizes, epochs: recipe.epochs, batchSize: recipe.batchSize,
            learningRate: recipe.learningRate, l2: recipe.l2, initialisation: rawInputs ? .glorotUniform : nil,
            standardizesInputs: !rawInputs, inputDomains: inputDomains)
    }
}
