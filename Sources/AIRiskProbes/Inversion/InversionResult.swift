import AIRiskAccess

/// What the inversion probe found for one target class.
package struct ClassInversion: Sendable, Equatable {
    package var targetClass: Int
    /// The best reconstruction, one input row (`inputShape` of the model).
    package var reconstruction: [Float]
    /// The target model's probability for `targetClass` on the reconstruction.
    package var targetConfidence: Double
    /// The class the target model predicts for the reconstruction.
    package var targetPrediction: Int
    /// The class an independent evaluation classifier (trained on member data) predicts; nil
    /// without an evaluator.
    package var evaluatorPrediction: Int?
    /// The evaluation classifier's probability for `targetClass`.
    package var evaluatorConfidence: Double?
    /// Similarity to the class's member data; nil without member data of this class.
    package var similarity: SimilarityMetrics?
    /// The same figures for the non-member mean of the class (what public data already gives).
    package var nonMemberMeanBaseline: SimilarityMetrics?
    /// The same figures for a random input in the feature box, averaged over several draws.
    package var randomBaseline: SimilarityMetrics?
    /// The mean member record of the class (for side-by-side images).
    package var classMean: [Float]?
    /// Descent iterations of the winning restart.
    package var iterations: Int
    /// Final cost 1 − f_target.
    package var finalCost: Double
}

/// The inversion probe's result.
package struct InversionResult: Sendable, Equatable {
    /// white-box (input gradients) or scores (zeroth-order estimates); labels-only never runs.
    package var access: AccessLevel
    package var method: String
    /// Set when the probe could not run under the given access, with the reason.
    package var notApplicableReason: String?
    package var classes: [ClassInversion]
    package var queries: QueryCount
    package var queryBudget: Int?
    package var wallTimeSeconds: Double
    package var seed: UInt64
    package var configuration: InversionConfiguration
    package var inputShape: [Int]
    package var imageShape: [Int]?
    package var notes: [String]

    /// A result that reconstructs nothing, for `reason`: the assessment still runs attribute inference.
    package static func notRun(
        _ reason: String, access: AccessLevel, configuration: InversionConfiguration, inputShape: [Int]
    ) -> InversionResult {
        InversionResult(
            access: access, method: "not run", notApplicableReason: reason, classes: [], queries: QueryCount(),
            queryBudget: configuration.queryBudget, wallTimeSeconds: 0, seed: configuration.seed,
            configuration: configuration, inputShape: inputShape, imageShape: nil, notes: [])
    }

    /// Fraction of classes whose reconstruction the evaluation classifier assigns to the target
    /// class; nil without an evaluator.
    package var attackAccuracy: Double? {
        let judged = classes.compactMap { c in c.evaluatorPrediction.map { $0 == c.targetClass } }
        guard !judged.isEmpty else { return nil }
        return Double(judged.filter { $0 }.count) / Double(judged.count)
    }

    /// Fraction of classes whose reconstruction the target itself assigns to the target class.
    package var targetSuccessRate: Double {
        guard !classes.isEmpty else { return 0 }
        return Double(classes.filter { $0.targetPrediction == $0.targetClass }.count) / Double(classes.count)
    }

    /// Mean target confidence over classes.
    package var meanTargetConfidence: Double {
        guard !classes.isEmpty else { return 0 }
        return classes.map(\.targetConfidence).reduce(0, +) / Double(classes.count)
    }

    /// Definitions of the metrics, for the report.
    package static let definitions: [(String, String)] = [
        ("target confidence", "The target model's probability for the attacked class on the reconstruction."),
        (
            "attack accuracy",
            "Share of classes whose reconstruction an independent evaluation classifier, trained in-process on the member data (not the target), assigns to the attacked class."
        ),
        ("MSE", "Mean squared error between the reconstruction and the class's mean member record."),
        ("cosine", "Cosine similarity between the reconstruction and the class's mean member record."),
        (
            "centred cosine",
            "Cosine similarity after subtracting the population mean from both; plain cosine is inflated by what all records share."
        ),
        ("nearest member", "Euclidean distance from the reconstruction to the closest member record of the class."),
        (
            "baselines",
            "The same figures for the non-member mean of the class (what public data already reveals) and for random inputs in the feature box (no knowledge)."
        ),
    ]
}
