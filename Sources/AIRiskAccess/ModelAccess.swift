import AIRiskTensor

/// The one way every probe talks to a model: a batch in, outputs out.
///
/// Implementations wrap an ONNX file, an HTTP endpoint or a subprocess; defense and budget
/// layers wrap other implementations. A probe learns only what the model's ``ModelDescription``
/// says it exposes, which is what an attacker with that access would learn.
package protocol ModelAccess: Sendable {
    var description: ModelDescription { get }

    /// Predicts a batch whose first dimension is the row count and whose remaining dimensions
    /// are ``ModelDescription/inputShape``.
    func predict(_ batch: Tensor) async throws -> ModelOutput

    /// The output for `batch` and the gradient, with respect to the input, of Σ seed · scores,
    /// where `seed` (computed from the output, `rows × width` values) weights each score.
    /// Only models whose description says `providesInputGradients` implement this.
    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor)
}

extension ModelAccess {
    package func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        throw ModelAccessError.noInputGradients(model: description.name)
    }
}
