import Foundation

/// Training objectives, evaluated on the model's output in Swift: each returns the mean loss
/// over the batch and its gradient with respect to the output, which seeds the reverse pass.
package enum Loss: Sendable, Equatable {
    /// Softmax cross-entropy on logits / temperature, against labels or soft targets. (For
    /// distillation, scale the learning rate by T² if you want the usual gradient magnitude.)
    case softmaxCrossEntropy(temperature: Float = 1)
    /// Mean squared error over every output element.
    case meanSquaredError

    /// The mean loss and d(loss)/d(output).
    package func evaluate(output: Tensor, targets: Targets) throws -> (loss: Float, gradient: Tensor) {
        guard let y = output.floats else {
            throw TrainingError.elementTypeMismatch(.modelOutput, supplied: output.elementKind, expected: .float)
        }
        guard output.rank == 2 else {
            throw TrainingError.shapeMismatch(.modelOutput, shape: output.shape, expected: [nil, nil])
        }
        let n = output.shape[0]
        let c = output.shape[1]
        guard targets.count == n else {
            throw TrainingError.countMismatch(.batchTargets, count: targets.count, expected: n)
        }
        switch self {
        case .softmaxCrossEntropy(let temperature):
            guard temperature > 0 else { throw TrainingError.invalidSetting(.temperature(temperature)) }
            var grad = [Float](repeating: 0, count: n * c)
            var total: Double = 0
            let scale = 1 / (Float(n) * temperature)
            var probs = [Float](repeating: 0, count: c)
            for i in 0..<n {
                var m = -Float.infinity
                for j in 0..<c { m = max(m, y[i * c + j] / temperature) }
                var sum: Float = 0
                for j in 0..<c {
                    probs[j] = Foundation.exp(y[i * c + j] / temperature - m)
                    sum += probs[j]
                }
                let logSum = Foundation.log(sum)
                for j in 0..<c { probs[j] /= sum }
                switch targets {
                case .labels(let labels):
                    let k = labels[i]
                    guard k >= 0 && k < c else {
                        throw TrainingError.labelOutOfRange(label: k, row: i, classes: c)
                    }
                    total -= Double(y[i * c + k] / temperature - m - logSum)
                    for j in 0..<c { grad[i * c + j] = (probs[j] - (j == k ? 1 : 0)) * scale }
                case .distributions(let t):
                    guard let tv = t.floats else {
                        throw TrainingError.elementTypeMismatch(
                            .classDistributions, supplied: t.elementKind, expected: .float)
                    }
                    guard t.shape == output.shape else {
                        throw TrainingError.shapeMismatch(
                            .classDistributions, shape: t.shape, expected: output.shape.map { $0 })
                    }
                    for j in 0..<c {
                        let target = tv[i * c + j]
                        if target > 0 { total -= Double(target * (y[i * c + j] / temperature - m - logSum)) }
                        grad[i * c + j] = (probs[j] - target) * scale
                    }
                case .values:
                    throw TrainingError.unsupportedTargets(self, supplied: targets.kind)
                }
            }
            return (Float(total / Double(max(n, 1))), Tensor(shape: output.shape, storage: .float(grad)))
        case .meanSquaredError:
            guard case .values(let t) = targets else {
                throw TrainingError.unsupportedTargets(self, supplied: targets.kind)
            }
            guard let tv = t.floats else {
                throw TrainingError.elementTypeMismatch(.regressionValues, supplied: t.elementKind, expected: .float)
            }
            guard t.count == output.count else {
                throw TrainingError.countMismatch(.regressionValues, count: t.count, expected: output.count)
            }
            let count = Float(max(output.count, 1))
            var total: Double = 0
            var grad = [Float](repeating: 0, count: y.count)
            for i in y.indices {
                let d = y[i] - tv[i]
                total += Double(d * d)
                grad[i] = 2 * d / count
            }
            return (Float(total / Double(count)), Tensor(shape: output.shape, storage: .float(grad)))
        }
    }
}

extension Loss {
    /// The loss's name in messages.
    var name: String {
        switch self {
        case .softmaxCrossEntropy: "softmax cross-entropy"
        case .meanSquaredError: "mean squared error"
        }
    }

    /// The kinds of ``Targets`` it learns from, in words.
    var targetKinds: String {
        switch self {
        case .softmaxCrossEntropy: "\(Targets.Kind.labels.rawValue) or \(Targets.Kind.distributions.rawValue)"
        case .meanSquaredError: Targets.Kind.values.rawValue
        }
    }

    /// Which loss to use for the other kinds.
    var remedy: String {
        switch self {
        case .softmaxCrossEntropy: "use mean squared error for regression values"
        case .meanSquaredError: "use softmax cross-entropy for labels or class distributions"
        }
    }
}
