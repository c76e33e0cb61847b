import AIRiskAccess
import AIRiskTensor
import Foundation

/// Equation solving (Tramèr et al. 2016): if a model's scores are a logistic / softmax function of an affine map,
/// d + 1 answers determine the map. Each answer with c class probabilities gives c − 1 equations
/// log p_c − log p_ref = (w_c − w_ref)·x + (b_c − b_ref); the system is solved in Double precision and the
/// recovered map is then checked on fresh rows, which is how the probe decides whether the model has that form.
struct EquationSolver {
    let configuration: ExtractionConfiguration
    let description: ModelDescription
    let statistics: FeatureStatistics

    /// The form that the model's output kind allows testing, or nil when equation solving does not apply.
    static func form(for description: ModelDescription) -> EquationSolvingResult.Form? {
        switch description.outputKind {
        case .probabilities: description.outputWidth <= 2 ? .logistic : .softmax
        case .logits: .affineLogits
        case .regression: .linear
        case .labels, .sequence: nil
        }
    }

    /// `count` rows uniform in mean ± spread · std per feature. Centring on the data keeps the answers away from
    /// saturated probabilities, whose logarithms float32 cannot resolve; features that never vary get a box of
    /// a quarter of their unit width.
    func sample(_ count: Int, generator: inout SeededGenerator) -> [Float] {
        let d = statistics.featureCount
        var x = [Float](repeating: 0, count: count * d)
        for r in 0..<count {
            for j in 0..<d {
                let u = 2 * generator.nextUniform() - 1
                x[r * d + j] = statistics.mean[j] + u * statistics.scale(j) * configuration.equationSolvingSpread
            }
        }
        return x
    }

    func run(
        model: any ModelAccess, form: EquationSolvingResult.Form, generator: inout SeededGenerator,
        evaluation: EvaluationSet
    ) async throws -> EquationSolvingResult {
        let d = statistics.featureCount
        let shape = description.inputShape
        var result = EquationSolvingResult(
            testedForm: form, isOfForm: false, recoveryQueries: d + 1, verificationQueries: 0,
            maxVerificationError: .infinity, tolerance: configuration.verificationTolerance, parameters: nil,
            referenceClass: nil, parameterRelativeError: nil, fidelity: nil, accuracy: nil, regression: nil,
            failure: nil)

        let x = sample(d + 1, generator: &generator)
        let answers = try await TargetAnswers.ask(model, inputs: x, count: d + 1, inputShape: shape)
        let width = answers.width
        let isProbability = form == .logistic || form == .softmax

        // Right-hand sides: one column per identifiable output.
        var reference: Int?
        var columns: [Int] = Array(0..<width)
        if isProbability && width >= 2 {
            // The reference class is the least saturated one, so log p_ref is accurate in every row.
            var best = 0
            var bestMin = -Double.infinity
            for c in 0..<width {
                var mn = Double.infinity
                for r in 0...d { mn = min(mn, Double(answers.scores[r * width + c])) }
                if mn > bestMin {
                    bestMin = mn
                    best = c
                }
            }
            reference = best
            columns = (0..<width).filter { $0 != best }
        }
        let k = columns.count
        var rhs = [Double](repeating: 0, count: (d + 1) * k)
        for r in 0...d {
            let row = answers.scores[(r * width)..<((r + 1) * width)].map(Double.init)
            for (ci, c) in columns.enumerated() {
                let v: Double
                if let ref = reference {
                    v = log(row[c]) - log(row[ref])
                } else if isProbability {
                    v = log(row[c]) - log(1 - row[c])
                } else {
                    v = row[c]
                }
                guard v.isFinite else {
                    result.failure =
                        "an answer's probability for class \(c) is exactly 0 or 1, so its log-ratio is not finite: "
                        + "either the model is not a softmax of an affine map (tree ensembles answer exact zeros) or "
                        + "its logits are extreme there (lower equationSolvingSpread to query closer to the data)"
                    return result
                }
                rhs[r * k + ci] = v
            }
        }
        var a = [Double](repeating: 1, count: (d + 1) * (d + 1))
        for r in 0...d {
            for j in 0..<d { a[r * (d + 1) + j] = Double(x[r * d + j]) }
        }
        let solution: [Double]
        do {
            solution = try LeastSquares.solve(a: a, rows: d + 1, columns: d + 1, b: rhs, rhsCount: k)
        } catch {
            result.failure = "the \(d + 1) query rows gave a singular system"
            return result
        }
        let rowsOut = reference == nil ? k : width
        var weights = [[Double]](repeating: [Double](repeating: 0, count: d), count: rowsOut)
        var biases = [Double](repeating: 0, count: rowsOut)
        for (ci, c) in columns.enumerated() {
            let out = reference == nil ? ci : c
            for j in 0..<d { weights[out][j] = solution[j * k + ci] }
            biases[out] = solution[d * k + ci]
        }
        let parameters = AffineParameters(weights: weights, biases: biases)
        result.parameters = parameters
        result.referenceClass = reference

        // Verification on fresh rows.
        let v = max(1, configuration.verificationQueries)
        let xv = sample(v, generator: &generator)
        let check = try await TargetAnswers.ask(model, inputs: xv, count: v, inputShape: shape)
        result.verificationQueries = v
        var maxError = 0.0
        for r in 0..<v {
            let predicted = scores(parameters, xv[(r * d)..<((r + 1) * d)], form: form)
            for c in 0..<width {
                let actual = Double(check.scores[r * width + c])
                let diff = abs(predicted[c] - actual)
                let e = isProbability ? diff : diff / max(1, abs(actual))
                maxError = max(maxError, e.isNaN ? .infinity : e)
            }
        }
        result.maxVerificationError = maxError
        result.isOfForm = maxError <= configuration.verificationTolerance

        if let truth = configuration.referenceParameters {
            result.parameterRelativeError = Self.relativeError(
                recovered: parameters, truth: truth, reference: reference, width: width)
        }

        // Fidelity of the recovered map on the evaluation rows.
        let n = evaluation.rows
        var labels = [Int](repeating: 0, count: n)
        var firstOutput = [Float](repeating: 0, count: n)
        for r in 0..<n {
            let s = scores(parameters, evaluation.inputs[(r * d)..<((r + 1) * d)], form: form)
            labels[r] = s.count == 1 ? (s[0] >= 0.5 ? 1 : 0) : argmax(s)
            firstOutput[r] = Float(s[0])
        }
        if form == .linear {
            result.regression = RegressionFit.measure(
                predicted: firstOutput, target: evaluation.targetFirstOutput, truth: evaluation.trueTargets)
        } else {
            result.fidelity = evaluation.fidelity(labels)
            result.accuracy = evaluation.accuracy(labels)
        }
        return result
    }

    /// The scores the recovered map predicts, in the target's output space.
    private func scores(_ p: AffineParameters, _ x: ArraySlice<Float>, form: EquationSolvingResult.Form) -> [Double] {
        let z = p.apply(x)
        switch form {
        case .logistic, .softmax:
            if z.count == 1 { return [1 / (1 + exp(-z[0]))] }
            let m = z.max() ?? 0
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        case .affineLogits, .linear:
            return z
        }
    }

    /// max |recovered − true| / max |true| over the identifiable weights and biases.
    static func relativeError(recovered: AffineParameters, truth: AffineParameters, reference: Int?, width: Int)
        -> Double?
    {
        var t = truth
        if reference != nil && truth.outputs == 1 && width == 2 {
            let d = truth.weights[0].count
            t = AffineParameters(
                weights: [[Double](repeating: 0, count: d), truth.weights[0]], biases: [0, truth.biases[0]])
        }
        if let reference {
            guard reference < t.outputs else { return nil }
            t = t.relative(to: reference)
        }
        guard t.outputs == recovered.outputs, t.weights.first?.count == recovered.weights.first?.count else {
            return nil
        }
        var maxTrue = 0.0
        var maxDiff = 0.0
        for c in 0..<t.outputs {
            for (a, b) in zip(recovered.weights[c] + [recovered.biases[c]], t.weights[c] + [t.biases[c]]) {
                maxTrue = max(maxTrue, abs(b))
                maxDiff = max(maxDiff, abs(a - b))
            }
        }
        return maxTrue > 0 ? maxDiff / maxTrue : maxDiff
    }
}
