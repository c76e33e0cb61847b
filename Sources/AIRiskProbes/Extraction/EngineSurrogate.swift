import AIRiskTensor

/// A surrogate trained on the engine, read as a classifier (softmax over its outputs) or as a
/// regressor (de-standardized outputs). Inputs are standardized with the answers' statistics.
struct EngineSurrogate: Surrogate {
    let executor: Executor
    let inputName: String
    let outputName: String
    /// Categorical columns one-hot before the standardisation.
    let encoding: SurrogateInputEncoding
    let standardizer: FeatureStandardizer
    /// The shape of one row as the graph reads it ([features], or [steps, stepWidth]).
    let inputShape: [Int]
    let outputWidth: Int
    let isRegression: Bool
    /// Regression output de-standardization: y = y' · outputScale + outputMean.
    let outputMean: [Float]
    let outputScale: [Float]

    init(
        model: TrainableModel, encoding: SurrogateInputEncoding, standardizer: FeatureStandardizer, inputShape: [Int],
        outputWidth: Int,
        isRegression: Bool, outputMean: [Float], outputScale: [Float]
    ) throws {
        executor = try Executor(graph: model.graph)
        inputName = model.inputName
        outputName = model.outputName
        self.encoding = encoding
        self.standardizer = standardizer
        self.inputShape = inputShape
        self.outputWidth = outputWidth
        self.isRegression = isRegression
        self.outputMean = outputMean
        self.outputScale = outputScale
    }

    private func batch(_ inputs: [Float], rows: Int) -> Tensor {
        Tensor(shape: [rows] + inputShape, scalars: standardizer.apply(encoding.encode(inputs, rows: rows), rows: rows))
    }

    func predict(_ inputs: [Float], rows: Int) throws -> [Float] {
        let out = try executor.run(inputs: [inputName: batch(inputs, rows: rows)])
        guard var z = out[outputName]?.floats, z.count == rows * outputWidth else {
            throw ExtractionError.unexpectedOutput(
                model: "the surrogate", reason: "it did not produce \(outputWidth) outputs per row")
        }
        let w = outputWidth
        if isRegression {
            for r in 0..<rows {
                for j in 0..<w { z[r * w + j] = z[r * w + j] * outputScale[j] + outputMean[j] }
            }
        } else {
            z.withUnsafeMutableBufferPointer { Softmax.rows($0, rows: rows, width: w, temperature: 1) }
        }
        return z
    }

    func inputGradient(_ inputs: [Float], rows: Int, outputs: [Int]) throws -> [Float] {
        let w = outputWidth
        var seed = [Float](repeating: 0, count: rows * w)
        for r in 0..<rows where outputs[r] >= 0 && outputs[r] < w { seed[r * w + outputs[r]] = 1 }
        let result = try executor.gradients(
            inputs: [inputName: batch(inputs, rows: rows)], outputName: outputName,
            seed: Tensor(shape: [rows, w], scalars: seed), withRespectTo: [inputName])
        guard var g = result.gradients[inputName]?.floats else {
            throw ExtractionError.unexpectedOutput(
                model: "the surrogate", reason: "it has no gradient with respect to its input")
        }
        // Chain rule through the standardization x' = (x − mean) / std.
        let scale = standardizer.inverseStandardDeviation
        let d = scale.count
        for r in 0..<rows {
            for j in 0..<d { g[r * d + j] *= scale[j] }
        }
        return encoding.rawGradient(g, rows: rows)
    }
}
