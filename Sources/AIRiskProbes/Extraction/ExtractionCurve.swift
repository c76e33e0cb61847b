/// Fidelity versus queries for one query source, surrogate architecture and loss.
public struct ExtractionCurve: Sendable, Equatable {
    public var source: QuerySource
    public var surrogate: SurrogateKind
    public var loss: DistillationLoss
    public var points: [ExtractionPoint]

    public init(source: QuerySource, surrogate: SurrogateKind, loss: DistillationLoss, points: [ExtractionPoint]) {
        self.source = source
        self.surrogate = surrogate
        self.loss = loss
        self.points = points
    }

    /// The fewest queries after which fidelity reached `threshold`, or nil if it never did within the budget.
    public func queriesToReach(_ threshold: Double) -> Int? {
        points.first { $0.fidelity >= threshold }?.queries
    }

    /// The highest fidelity on the curve.
    public var bestFidelity: Double { points.map(\.fidelity).max() ?? 0 }
}
