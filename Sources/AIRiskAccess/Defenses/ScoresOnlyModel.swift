import AIRiskTensor

/// The undefended deployment as a client sees it: the model's answers unchanged, but no input
/// gradients. The baseline every output defense is compared with, so that "before" and "after"
/// differ only in the defense, not in white-box versus black-box access.
package struct ScoresOnlyModel: OutputDefense {
    package let base: any ModelAccess

    package init(_ base: any ModelAccess) {
        self.base = base
    }

    package var setting: String { "none" }

    package var description: ModelDescription {
        var d = base.description
        d.providesInputGradients = false
        return d
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        try await base.predict(batch)
    }
}
