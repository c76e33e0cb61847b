import AIRiskAccess
import AIRiskTensor
import Foundation

/// Model augmentation (seed 002; Nguyen et al., CVPR 2023): the white-box ascent follows the mean of its
/// objective over the target and in-process copies distilled from the target's answers, so a reconstruction
/// carries what the models share — the class's semantics — rather than one model's adversarial features.
/// Answers and the best-iterate choice stay the target's; only the ascent direction is averaged.
struct AugmentedModel: ModelAccess {
    let target: any ModelAccess
    let copies: [SurrogateModel]

    var description: ModelDescription { target.description }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        try await target.predict(batch)
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        let (output, first) = try await target.valueAndInputGradient(batch, seed: seed)
        guard var sum = first.floats else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no input gradient")
        }
        let logits = target.description.outputKind == .logits
        for copy in copies {
            // The objective reads the target's kind of output: a copy's probabilities are shown to it as
            // logits log p when the target answers logits, and the seed comes back through ∂z/∂p = 1/p.
            let (_, g) = try await copy.valueAndInputGradient(batch) { out in
                guard logits else { return seed(out) }
                let p = out.scores
                var asLogits = out
                asLogits.kind = .logits
                asLogits.scores = p.map { log(max($0, 1e-30)) }
                let s = seed(asLogits)
                return zip(s, p).map { $0 / max($1, 1e-12) }
            }
            guard let values = g.floats, values.count == sum.count else {
                throw ModelAccessError.badOutput(model: copy.description.name, reason: "no input gradient")
            }
            for i in sum.indices { sum[i] += values[i] }
        }
        let scale = 1 / Float(copies.count + 1)
        return (output, Tensor(shape: first.shape, scalars: sum.map { $0 * scale }))
    }
}
