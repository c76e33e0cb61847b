import AIRiskAccess
import AIRiskProbes
import AIRiskTensor
import Foundation

/// Test targets with known internals, reached only through ModelAccess like real ones. Scores are computed in
/// Float32, as an ONNX runtime would.

/// Softmax (c ≥ 3) or binary logistic (one weight row, answers [1 − p, p]) of an affine map.
struct AffineSoftmaxTarget: ModelAccess {
    let weights: [[Float]]
    let biases: [Float]
    let classes: Int

    var description: ModelDescription {
        ModelDescription(
            name: "affine-softmax", inputShape: [weights[0].count], outputKind: .probabilities,
            outputWidth: classes, providesInputGradients: false)
    }

    var parameters: AffineParameters {
        AffineParameters(weights: weights.map { $0.map(Double.init) }, biases: biases.map(Double.init))
    }

    /// Random parameters: `rows` weight rows of `d` features.
    init(rows: Int, features d: Int, classes: Int, scale: Float, seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        weights = (0..<rows).map { _ in (0..<d).map { _ in g.nextGaussian() * scale } }
        biases = (0..<rows).map { _ in g.nextGaussian() * 0.5 }
        self.classes = classes
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let d = weights[0].count
        let x = batch.floats ?? []
        var scores: [Float] = []
        var labels: [Int] = []
        for r in 0..<n {
            let z = weights.indices.map { c -> Float in
                var s = biases[c]
                for j in 0..<d { s += weights[c][j] * x[r * d + j] }
                return s
            }
            let p: [Float]
            if weights.count == 1 {
                let p1 = 1 / (1 + expf(-z[0]))
                p = [1 - p1, p1]
            } else {
                let m = z.max() ?? 0
                let e = z.map { expf($0 - m) }
                let s = e.reduce(0, +)
                p = e.map { $0 / s }
            }
            scores += p
            labels.append(p.firstIndex(of: p.max() ?? 0) ?? 0)
        }
        return ModelOutput(kind: .probabilities, rows: n, scores: scores, width: classes, labels: labels)
    }
}

/// A fixed random one-hidden-layer tanh network with softmax outputs (not logistic in its inputs).
struct RandomMLPTarget: ModelAccess {
    let w1: [Float]
    let b1: [Float]
    let w2: [Float]
    let b2: [Float]
    let d: Int
    let h: Int
    let c: Int
    /// Multiplies the hidden pre-activations: larger values make the model less linear.
    let sharpness: Float

    init(features d: Int, hidden h: Int, classes c: Int, sharpness: Float = 1, seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        self.d = d
        self.h = h
        self.c = c
        self.sharpness = sharpness
        w1 = (0..<(d * h)).map { _ in g.nextGaussian() / Float(d).squareRoot() }
        b1 = (0..<h).map { _ in g.nextGaussian() * 0.3 }
        w2 = (0..<(h * c)).map { _ in g.nextGaussian() * 3 / Float(h).squareRoot() }
        b2 = [Float](repeating: 0, count: c)
    }

    var description: ModelDescription {
        ModelDescription(
            name: "random-mlp", inputShape: [d], outputKind: .probabilities, outputWidth: c,
            providesInputGradients: false)
    }

    func logits(_ x: ArraySlice<Float>) -> [Float] {
        let xs = Array(x)
        var hidden = [Float](repeating: 0, count: h)
        for k in 0..<h {
            var s = b1[k]
            for j in 0..<d { s += xs[j] * w1[j * h + k] }
            hidden[k] = tanhf(sharpness * s)
        }
        return (0..<c).map { o in
            var s = b2[o]
            for k in 0..<h { s += hidden[k] * w2[k * c + o] }
            return s
        }
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let x = batch.floats ?? []
        var scores: [Float] = []
        var labels: [Int] = []
        for r in 0..<n {
            let z = logits(x[(r * d)..<((r + 1) * d)])
            let m = z.max() ?? 0
            let e = z.map { expf($0 - m) }
            let s = e.reduce(0, +)
            let p = e.map { $0 / s }
            scores += p
            labels.append(p.firstIndex(of: p.max() ?? 0) ?? 0)
        }
        return ModelOutput(kind: .probabilities, rows: n, scores: scores, width: c, labels: labels)
    }
}

/// y = w·x + b.
struct LinearRegressorTarget: ModelAccess {
    let weights: [Float]
    let bias: Float

    init(features d: Int, seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        weights = (0..<d).map { _ in g.nextGaussian() * 10 }
        bias = 150
    }

    var description: ModelDescription {
        ModelDescription(
            name: "linear-regressor", inputShape: [weights.count], outputKind: .regression, outputWidth: 1,
            providesInputGradients: false)
    }

    func value(_ x: ArraySlice<Float>) -> Float {
        var s = bias
        for (w, v) in zip(weights, x) { s += w * v }
        return s
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let d = weights.count
        let x = batch.floats ?? []
        let y = (0..<n).map { value(x[($0 * d)..<(($0 + 1) * d)]) }
        return ModelOutput(kind: .regression, rows: n, scores: y, width: 1, labels: [])
    }
}

/// A many-to-many model: step s answers softmax(a_s·(W x + b) + (1 − a_s)·(V x + c)) for a fixed mixing
/// schedule a, so the step with the largest a_s agrees most with labels argmax(W x + b).
struct MixedSequenceTarget: ModelAccess {
    let signal: AffineSoftmaxTarget
    let noise: AffineSoftmaxTarget
    let mixing: [Float]

    var description: ModelDescription {
        ModelDescription(
            name: "sequence", inputShape: signal.description.inputShape, outputKind: .sequence,
            outputWidth: signal.classes, sequenceLength: mixing.count, providesInputGradients: false)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let d = signal.weights[0].count
        let c = signal.classes
        let x = batch.floats ?? []
        var scores: [Float] = []
        var labels: [Int] = []
        for r in 0..<n {
            var last: [Float] = []
            for a in mixing {
                let z = (0..<c).map { k -> Float in
                    var s = a * signal.biases[k] + (1 - a) * noise.biases[k]
                    for j in 0..<d {
                        s += (a * signal.weights[k][j] + (1 - a) * noise.weights[k][j]) * x[r * d + j]
                    }
                    return s
                }
                let m = z.max() ?? 0
                let e = z.map { expf($0 - m) }
                let t = e.reduce(0, +)
                last = e.map { $0 / t }
                scores += last
            }
            labels.append(last.firstIndex(of: last.max() ?? 0) ?? 0)
        }
        return ModelOutput(kind: .sequence, rows: n, scores: scores, width: c * mixing.count, labels: labels)
    }
}

/// Test data: Gaussian rows, labelled by the given target's own answers (optionally a few flipped).
enum ExtractionTestData {
    static func gaussian(rows n: Int, features d: Int, seed: UInt64) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<(n * d)).map { _ in g.nextGaussian() }
    }

    static func labelled(
        by target: any ModelAccess, rows n: Int, seed: UInt64, flip: Double = 0
    ) async throws -> LabeledData {
        let d = target.description.featureCount
        let x = gaussian(rows: n, features: d, seed: seed)
        let out = try await target.predict(Tensor(shape: [n, d], scalars: x))
        var g = SeededGenerator(seed: seed ^ 0xABCD)
        let classes = max(2, target.description.outputWidth)
        let labels = out.labels.map { l in Double(g.nextUniform()) < flip ? (l + 1) % classes : l }
        return try LabeledData(features: Tensor(shape: [n, d], scalars: x), labels: labels)
    }

    /// Regression data: targets are the model's value plus Gaussian noise of `noise`.
    static func regression(by target: LinearRegressorTarget, rows n: Int, noise: Float, seed: UInt64) -> LabeledData {
        let d = target.weights.count
        let x = gaussian(rows: n, features: d, seed: seed)
        var g = SeededGenerator(seed: seed ^ 0x1234)
        let y = (0..<n).map { target.value(x[($0 * d)..<(($0 + 1) * d)]) + g.nextGaussian() * noise }
        return try! LabeledData(features: Tensor(shape: [n, d], scalars: x), labels: [], targets: y)
    }
}

/// A StandardScaler + binary LogisticRegression pipeline on raw features of very different scales, computed in
/// Float32 the way the pipeline runs: z = Σ coef_j (x_j − μ_j) / σ_j + b.
struct ScaledLogisticTarget: ModelAccess {
    let mean: [Float]
    let std: [Float]
    let coef: [Float]
    let intercept: Float

    init(features d: Int, seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        mean = (0..<d).map { j in powf(10, Float(j % 6) - 2) * (1 + g.nextUniform()) }
        std = (0..<d).map { j in powf(10, Float((j * 7) % 5) - 3) * (1 + g.nextUniform()) }
        coef = (0..<d).map { _ in g.nextGaussian() * 0.5 }
        intercept = 0.3
    }

    var description: ModelDescription {
        ModelDescription(
            name: "scaled-logistic", inputShape: [coef.count], outputKind: .probabilities, outputWidth: 2,
            providesInputGradients: false)
    }

    /// The pipeline's parameters in raw feature space.
    var parameters: AffineParameters {
        let w = coef.indices.map { Double(coef[$0]) / Double(std[$0]) }
        let b =
            Double(intercept) - coef.indices.reduce(0.0) { $0 + Double(coef[$1]) * Double(mean[$1]) / Double(std[$1]) }
        return AffineParameters(weights: [w], biases: [b])
    }

    /// Raw rows: mean + std · N(0, 1).
    func rows(_ n: Int, seed: UInt64) -> [Float] {
        var g = SeededGenerator(seed: seed)
        let d = coef.count
        return (0..<(n * d)).map { i in mean[i % d] + std[i % d] * g.nextGaussian() }
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape[0]
        let d = coef.count
        let x = batch.floats ?? []
        var scores: [Float] = []
        var labels: [Int] = []
        for r in 0..<n {
            var z = intercept
            for j in 0..<d { z += coef[j] * (x[r * d + j] - mean[j]) / std[j] }
            let p1 = 1 / (1 + expf(-z))
            scores += [1 - p1, p1]
            labels.append(p1 >= 0.5 ? 1 : 0)
        }
        return ModelOutput(kind: .probabilities, rows: n, scores: scores, width: 2, labels: labels)
    }
}
