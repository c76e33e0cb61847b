import AIRiskAccess

/// What the extraction probe found: equation solving, learning-based copies and their costs.
package struct ExtractionResult: Sendable, Equatable {
    package var modelName: String
    /// The access the probe assumed: scores, or labels only when that is all the model returns. It never uses
    /// input gradients, even when the model offers them.
    package var access: AccessLevel
    package var outputKind: OutputKind
    package var seed: UInt64
    /// The attack's row budget, enforced by a ``CountingModel``.
    package var queryBudget: Int
    /// Attack rows actually sent (equation solving, verification, sequence probing and learning).
    package var queriesUsed: Int
    /// Rows sent to label the evaluation data with the target's answers (the auditor's measurement, not the
    /// attacker's cost; not counted against the budget).
    package var evaluationQueries: Int
    package var evaluationRows: Int
    /// Seconds from start to end of the run.
    package var wallTimeSeconds: Double
    /// Which data set the feature ranges and Gaussian statistics came from.
    package var statisticsSource: String
    package var equationSolving: EquationSolvingResult?
    package var sequence: SequenceLeakage?
    package var curves: [ExtractionCurve]
    /// Fidelity thresholds the summary reports queries for.
    package var thresholds: [Double]
    /// Things the probe skipped or assumed, in plain words.
    package var notes: [String]
    /// Classifiers: the share of evaluation rows on which the target gives its most common label — the
    /// fidelity of a "copy" that always answers that label, which any extraction figure is judged against.
    package var majorityAgreement: Double?

    /// Over all curves, the fewest queries that reached `threshold` (nil: not reached within budget).
    package func queriesToReach(_ threshold: Double) -> Int? {
        curves.compactMap { $0.queriesToReach(threshold) }.min()
    }

    /// The curve with the highest final fidelity.
    package var bestCurve: ExtractionCurve? {
        curves.max { ($0.points.last?.fidelity ?? 0) < ($1.points.last?.fidelity ?? 0) }
    }
}
