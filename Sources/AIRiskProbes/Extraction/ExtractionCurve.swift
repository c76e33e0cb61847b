/// Fidelity versus queries for one query source, surrogate architecture and loss.
package struct ExtractionCurve: Sendable, Equatable {
    package var source: QuerySource
    package var surrogate: SurrogateKind
    package var loss: DistillationLoss
    package var points: [ExtractionPoint]

    /// The fewest queries after which fidelity reached `threshold`, or nil if it never did within the budget.
    package func queriesToReach(_ threshold: Double) -> Int? {
        points.first { $0.fidelity >= threshold }?.queries
    }

    /// The highest fidelity on the curve.
    package var bestFidelity: Double { points.map(\.fidelity).max() ?? 0 }
}
