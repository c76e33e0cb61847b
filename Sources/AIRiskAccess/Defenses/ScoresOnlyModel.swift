import AIRiskTensor

/// The undefended deployment as a client sees it: the model's answers unchanged, but no input
/// gradients. The baseline every output defense is compared with, so that "before" and "after"
/// differ only in the defense, not in white-box versus black-box access.
public struct ScoresOnlyModel: OutputDefense {
    public let base: any ModelAccess

    public init(_ base: any ModelAccess) {
        self.base = base
    }

    public var setting: String { "none" }

    public var description: ModelDescription {
        var d = base.description
        d.providesInputGradients = false
        return d
    }

    public func predict(_ batch: Tensor) async throws -> ModelOutput {
        try await base.predict(batch)
    }
}
