import AIRiskAccess
import AIRiskTensor

/// A classifier trained in-process on the tensor engine, served through the model-access
/// protocol: inputs are standardised with the training data's statistics, then the engine's
/// executor runs the network and returns class probabilities.
public struct EngineNetworkModel: ModelAccess {
    let executor: Executor
    let inputName: String
    let probabilitiesName: String
    let mean: [Float]
    let scale: [Float]
    public let description: ModelDescription

    init(model: TrainableModel, mean: [Float], scale: [Float], inputShape: [Int], classCount: Int, name: String) throws
    {
        executor = try Executor(graph: model.graph)
        inputName = model.inputName
        probabilitiesName = model.probabilitiesName ?? model.outputName
        self.mean = mean
        self.scale = scale
        description = ModelDescription(
            name: name, inputShape: inputShape, outputKind: .probabilities, outputWidth: classCount,
            providesInputGradients: false)
    }

    public func predict(_ batch: Tensor) async throws -> ModelOutput {
        guard let x = batch.floats, let n = batch.shape.first, n > 0 else {
            throw ModelAccessError.badInput(model: description.name, reason: "expected a non-empty float batch")
        }
        let d = mean.count
        guard x.count == n * d else {
            throw ModelAccessError.badInput(model: description.name, reason: "rows must have \(d) features")
        }
        var z = x
        z.withUnsafeMutableBufferPointer { p in
            for r in 0..<n {
                let base = r &* d
                for j in 0..<d { p[base &+ j] = (p[base &+ j] - mean[j]) / scale[j] }
            }
        }
        let out = try executor.run(inputs: [inputName: Tensor(shape: [n, d], scalars: z)])
        guard let p = out[probabilitiesName]?.floats else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no probabilities output")
        }
        let c = description.outputWidth
        let labels = (0..<n).map { r in
            var best = 0
            for j in 1..<c where p[r * c + j] > p[r * c + best] { best = j }
            return best
        }
        return ModelOutput(kind: .probabilities, rows: n, scores: p, width: c, labels: labels)
    }
}
