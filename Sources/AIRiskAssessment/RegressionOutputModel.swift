import AIRiskAccess
import AIRiskTensor

/// A model whose unnormalised float outputs are read as regression outputs: an ONNX regressor with k outputs
/// and no Softmax looks like a k-class model answering logits, and the data's float targets of width k tell
/// the two apart.
struct RegressionOutputModel: ModelAccess {
    let base: any ModelAccess

    var description: ModelDescription {
        var d = base.description
        d.outputKind = .regression
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        var o = try await base.predict(batch)
        o.kind = .regression
        o.labels = []
        return o
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        let r = try await base.valueAndInputGradient(batch) { out in
            var o = out
            o.kind = .regression
            o.labels = []
            return seed(o)
        }
        var o = r.output
        o.kind = .regression
        o.labels = []
        return (o, r.gradient)
    }
}
