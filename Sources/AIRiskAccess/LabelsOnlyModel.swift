import AIRiskTensor

/// A model seen through a labels-only interface: every answer keeps the predicted class and
/// drops the scores, as a deployment that returns labels only would (seed 000's ラベルのみ応答).
package struct LabelsOnlyModel: ModelAccess {
    package let base: any ModelAccess

    package init(_ base: any ModelAccess) {
        self.base = base
    }

    package var description: ModelDescription {
        var d = base.description
        d.outputKind = .labels
        d.providesInputGradients = false
        return d
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        let out = try await base.predict(batch)
        return ModelOutput(kind: .labels, rows: out.rows, scores: [], width: 0, labels: out.labels)
    }
}
