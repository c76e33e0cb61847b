import AIRiskAccess
import AIRiskTensor

/// An in-process copy of the target trained on the target's answers, with the input gradients the
/// target withholds: black-box inversion ascends on it white-box (no target queries) before it
/// refines on the target.
struct SurrogateModel: ModelAccess {
    let network: EngineNetworkModel

    var description: ModelDescription {
        var d = network.description
        d.providesInputGradients = true
        return d
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        try await network.predict(batch)
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        let standardizer = network.standardizer
        let d = standardizer.featureCount
        guard let x = batch.floats, let n = batch.shape.first, n > 0, x.count == n * d else {
            throw ModelAccessError.badInput(model: description.name, reason: "rows must have \(d) features")
        }
        let z = Tensor(shape: [n, d], scalars: standardizer.apply(x, rows: n))
        let width = network.description.outputWidth
        var captured: ModelOutput?
        let result = try network.executor.gradients(
            inputs: [network.inputName: z], outputName: network.probabilitiesName,
            withRespectTo: [network.inputName]
        ) { out in
            let p = out.floats ?? []
            let labels = (0..<n).map { r in
                var best = 0
                for j in 1..<width where p[r * width + j] > p[r * width + best] { best = j }
                return best
            }
            let o = ModelOutput(kind: .probabilities, rows: n, scores: p, width: width, labels: labels)
            captured = o
            return Tensor(shape: out.shape, scalars: seed(o))
        }
        guard let output = captured, let g = result.gradients[network.inputName]?.floats, g.count == n * d else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no input gradient")
        }
        // z = (x − mean) / std, so ∂/∂x = ∂/∂z / std.
        var gradient = g
        for r in 0..<n { for j in 0..<d { gradient[r * d + j] *= standardizer.inverseStandardDeviation[j] } }
        return (output, Tensor(shape: batch.shape, scalars: gradient))
    }
}
