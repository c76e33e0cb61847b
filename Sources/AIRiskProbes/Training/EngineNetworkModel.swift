import AIRiskAccess
import AIRiskTensor

/// A classifier or regressor trained in-process on the tensor engine, served through the model-access
/// protocol: inputs are encoded (categories one-hot, texts as hashed words) and standardised with the training
/// data's statistics, then the engine's
/// executor runs the network and returns class probabilities (or, for a regressor, its outputs mapped back from
/// the standardised targets it learned).
package struct EngineNetworkModel: ModelAccess {
    let executor: Executor
    let inputName: String
    let logitsName: String
    let probabilitiesName: String
    let encoding: SurrogateInputEncoding
    let standardizer: FeatureStandardizer
    /// A regressor's target standardisation, undone on every answer; nil for a classifier.
    let targetScale: FeatureStandardizer?
    package let description: ModelDescription

    init(
        model: TrainableModel, encoding: SurrogateInputEncoding, standardizer: FeatureStandardizer, inputShape: [Int],
        classCount: Int, name: String
    ) throws {
        executor = try Executor(graph: model.graph)
        inputName = model.inputName
        logitsName = model.outputName
        probabilitiesName = model.probabilitiesName ?? model.outputName
        self.encoding = encoding
        self.standardizer = standardizer
        targetScale = nil
        description = ModelDescription(
            name: name, inputShape: inputShape, outputKind: .probabilities, outputWidth: classCount,
            providesInputGradients: false)
    }

    /// A regressor that learned `targetScale`-standardised targets.
    init(
        regressor model: TrainableModel, encoding: SurrogateInputEncoding, standardizer: FeatureStandardizer,
        targetScale: FeatureStandardizer, inputShape: [Int], name: String
    ) throws {
        executor = try Executor(graph: model.graph)
        inputName = model.inputName
        logitsName = model.outputName
        probabilitiesName = model.outputName
        self.encoding = encoding
        self.standardizer = standardizer
        self.targetScale = targetScale
        description = ModelDescription(
            name: name, inputShape: inputShape, outputKind: .regression, outputWidth: targetScale.featureCount,
            providesInputGradients: false)
    }

    /// The class logits of `rows` rows of `x` (row-major, the training data's features per row).
    func logits(_ x: [Float], rows: Int) throws -> [Float] {
        guard let y = try executor.run(inputs: [inputName: try networkInput(x, rows: rows)])[logitsName]?.floats
        else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no logits output")
        }
        return y
    }

    /// `rows` raw rows of `x`, encoded and standardised as the network learned them.
    private func networkInput(_ x: [Float], rows: Int) throws -> Tensor {
        let d = encoding.indicators.count
        guard x.count == rows * d else {
            throw ModelAccessError.badInput(model: description.name, reason: "rows must have \(d) features")
        }
        let e = encoding.encodedWidth
        return Tensor(shape: [rows, e], scalars: standardizer.apply(encoding.encode(x, rows: rows), rows: rows))
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        guard let x = batch.floats, let n = batch.shape.first, n > 0 else {
            throw ModelAccessError.badInput(model: description.name, reason: "expected a non-empty float batch")
        }
        let out = try executor.run(inputs: [inputName: try networkInput(x, rows: n)])
        guard var p = out[probabilitiesName]?.floats else {
            throw ModelAccessError.badOutput(model: description.name, reason: "no probabilities output")
        }
        let c = description.outputWidth
        if let t = targetScale {
            for i in p.indices { p[i] = p[i] * t.standardDeviation[i % c] + t.mean[i % c] }
            return ModelOutput(kind: .regression, rows: n, scores: p, width: c, labels: [])
        }
        let labels = (0..<n).map { r in
            var best = 0
            for j in 1..<c where p[r * c + j] > p[r * c + best] { best = j }
            return best
        }
        return ModelOutput(kind: .probabilities, rows: n, scores: p, width: c, labels: labels)
    }
}
