import AIRiskTensor

/// A model seen through a prediction API: the same answers, but no input gradients, as an
/// attacker without the model file would have.
public struct ScoresOnlyModel: ModelAccess {
    public let base: any ModelAccess

    public init(_ base: any ModelAccess) {
        self.base = base
    }

    public var description: ModelDescription {
        var d = base.description
        d.providesInputGradients = false
        return d
    }

    public func predict(_ batch: Tensor) async throws -> ModelOutput {
        try await base.predict(batch)
    }
}
