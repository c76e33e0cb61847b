import AIRiskAccess
import AIRiskTensor
import Foundation

/// The inversion ascent, run for every (class, restart) pair at once as one batch so each
/// iteration costs one model call (white-box) or one batch of NES samples (scores).
struct Descent {
    struct Outcome {
        var x: [Float]
        var cost: Float
        var iterations: Int
    }

    let configuration: InversionConfiguration
    let range: FeatureRange
    let inputShape: [Int]
    let imageShape: [Int]?
    let outputKind: OutputKind

    /// Class probabilities of an answer (softmax of logits when the model returns logits).
    static func probabilities(_ output: ModelOutput) -> [Float] {
        guard output.kind == .logits else { return output.scores }
        var p = output.scores
        let w = output.width
        for r in 0..<output.rows {
            var m = -Float.infinity
            for j in 0..<w { m = max(m, p[r * w + j]) }
            var s: Float = 0
            for j in 0..<w {
                let e = exp(p[r * w + j] - m)
                p[r * w + j] = e
                s += e
            }
            for j in 0..<w { p[r * w + j] /= s }
        }
        return p
    }

    /// Ascends J = log f_target(x) − λ (x − x̄)ᵀ M⁻¹ (x − x̄) / d − TV(x) for every class from the
    /// prior's mean along M ∇J, clipping to the box, and keeps each row's best iterate by J.
    func run(
        model: CountingModel, classes: [Int], prior: InversionPrior, useGradients: Bool, notes: inout [String],
        start: [Float]? = nil, progress: ProbeProgress? = nil
    ) async throws -> [Outcome] {
        let d = range.count
        let restarts = max(1, configuration.restarts)
        let n = classes.count * restarts
        let width = model.description.outputWidth
        var rng = SeededGenerator(seed: configuration.seed)
        let targets = classes.flatMap { [Int](repeating: $0, count: restarts) }
        let lambda = configuration.priorWeight

        // The first restart of each class starts at `start` (one row per class) or the prior's mean
        // (the public data's mean); the others add a uniform jitter of ±`startJitter` of each
        // feature's range.
        var x = [Float](repeating: 0, count: n * d)
        for r in 0..<n {
            for j in 0..<d {
                let jitter =
                    r % restarts == 0
                    ? 0 : (rng.nextUniform() * 2 - 1) * configuration.startJitter * (range.upper[j] - range.lower[j])
                let origin = start.map { $0[(r / restarts) * d + j] } ?? prior.mean[j]
                x[r * d + j] = min(max(origin + jitter, range.lower[j]), range.upper[j])
            }
        }
        var bestX = x
        var bestObjective = [Double](repeating: -.infinity, count: n)
        var bestCost = [Float](repeating: .infinity, count: n)
        var sinceImprovement = [Int](repeating: 0, count: n)
        var iterations = [Int](repeating: 0, count: n)
        var active = [Bool](repeating: true, count: n)
        let shape = [n] + inputShape
        var budgetStop = false

        // α updates, and one more look that scores the last iterate.
        for iteration in 0...configuration.maxIterations {
            guard active.contains(true) else { break }
            try Cancellation.check()
            progress?(Double(iteration) / Double(configuration.maxIterations + 1))
            let probabilities: [Float]
            var gradient: [Float]
            if useGradients {
                let kind = outputKind
                let seedTargets = targets
                let margin = configuration.objective == .logitMargin
                let (output, grad) = try await model.valueAndInputGradient(Tensor(shape: shape, scalars: x)) { out in
                    margin
                        ? Self.negativeMarginSeed(out, targets: seedTargets, kind: kind)
                        : Self.negativeLogSeed(out, targets: seedTargets, kind: kind)
                }
                probabilities = Self.probabilities(output)
                guard let g = grad.floats, g.count == n * d else {
                    throw ProbeError.unexpectedAnswer(
                        model: model.description.name, expected: "an input gradient of \(n * d) values",
                        found: "\(grad.count) values")
                }
                gradient = g
            } else {
                let q = max(1, configuration.samplesPerEstimate)
                // One batch of samples, and a row per class kept for the probe's final look.
                let rowsNeeded = n * (2 * q + 1) + classes.count
                if let remaining = model.remaining, remaining < rowsNeeded {
                    budgetStop = true
                    break
                }
                (probabilities, gradient) = try await estimate(model: model, x: x, targets: targets, rng: &rng)
            }
            let tv = totalVariation(x: x, gradient: &gradient, rows: n)
            let last = iteration == configuration.maxIterations

            for r in 0..<n where active[r] {
                let p = probabilities[r * width + targets[r]]
                let penalty = Double(lambda) * prior.quadratic(x[(r * d)..<((r + 1) * d)]) / Double(max(d, 1))
                let objective = score(probabilities, row: r, width: width, target: targets[r]) - penalty - tv[r]
                if objective > bestObjective[r] {
                    bestObjective[r] = objective
                    bestCost[r] = 1 - p
                    for j in 0..<d { bestX[r * d + j] = x[r * d + j] }
                    sinceImprovement[r] = 0
                } else {
                    sinceImprovement[r] += 1
                }
                if configuration.stopsEarly,
                    bestCost[r] <= configuration.costThreshold || sinceImprovement[r] >= configuration.patience
                {
                    active[r] = false
                    continue
                }
                if last { continue }
                iterations[r] += 1
                // The ascent direction M ∇J: the prior's metric times the model's (and TV's)
                // gradient, plus the prior's own pull −2λ (x − x̄) / d.
                let ascent = (0..<d).map { j in -gradient[r * d + j] }
                var step = prior.apply(ascent[...])
                var scale: Float = 0
                for j in 0..<d {
                    step[j] -= 2 * lambda * (x[r * d + j] - prior.mean[j]) / Float(max(d, 1))
                    scale = max(scale, abs(step[j]) / range.width(j))
                }
                guard scale > 0, scale.isFinite else { continue }
                for j in 0..<d { x[r * d + j] += configuration.stepSize * step[j] / scale }
                process(&x, row: r)
            }
        }
        if budgetStop {
            notes.append("the query budget ended the ascent before \(configuration.maxIterations) iterations")
        }
        var outcomes: [Outcome] = []
        for (ci, _) in classes.enumerated() {
            var pick = ci * restarts
            for k in 0..<restarts where bestObjective[ci * restarts + k] > bestObjective[pick] {
                pick = ci * restarts + k
            }
            outcomes.append(
                Outcome(
                    x: Array(bestX[(pick * d)..<((pick + 1) * d)]), cost: bestCost[pick], iterations: iterations[pick]))
        }
        return outcomes
    }

    /// The seed that makes the model's vector-Jacobian product the gradient of −log p_target.
    /// The objective's model term for one row: log p_c, or the margin log p_c − max_{j≠c} log p_j.
    func score(_ p: [Float], row r: Int, width w: Int, target c: Int) -> Double {
        let own = Double(log(max(p[r * w + c], 1e-30)))
        guard configuration.objective == .logitMargin, w > 1 else { return own }
        var other: Float = 0
        for j in 0..<w where j != c { other = max(other, p[r * w + j]) }
        return own - Double(log(max(other, 1e-30)))
    }

    /// ∂(−margin)/∂output: the target class pushed up, the strongest other class pushed down (on logits, or
    /// through log p on probabilities).
    static func negativeMarginSeed(_ out: ModelOutput, targets: [Int], kind: OutputKind) -> [Float] {
        let w = out.width
        var seed = [Float](repeating: 0, count: out.rows * w)
        let p = out.scores
        for r in 0..<out.rows {
            let c = targets[r]
            var k = c == 0 ? 1 : 0
            for j in 0..<w where j != c && p[r * w + j] > p[r * w + k] { k = j }
            guard w > 1 else { continue }
            if kind == .logits {
                seed[r * w + c] = -1
                seed[r * w + k] = 1
            } else {
                seed[r * w + c] = -1 / max(p[r * w + c], 1e-12)
                seed[r * w + k] = 1 / max(p[r * w + k], 1e-12)
            }
        }
        return seed
    }

    static func negativeLogSeed(_ out: ModelOutput, targets: [Int], kind: OutputKind) -> [Float] {
        let w = out.width
        var seed = [Float](repeating: 0, count: out.rows * w)
        if kind == .logits {
            let p = probabilities(out)
            for r in 0..<out.rows {
                for j in 0..<w { seed[r * w + j] = p[r * w + j] }
                seed[r * w + targets[r]] -= 1
            }
        } else {
            for r in 0..<out.rows {
                let p = max(out.scores[r * w + targets[r]], 1e-12)
                seed[r * w + targets[r]] = -1 / p
            }
        }
        return seed
    }

    /// Zeroth-order estimate of ∇(−log p_target) by antithetic Gaussian sampling (NES):
    /// g ≈ Σᵢ [L(x + σuᵢ) − L(x − σuᵢ)] uᵢ / (2σq), with σ relative to each feature's range.
    func estimate(
        model: CountingModel, x: [Float], targets: [Int], rng: inout SeededGenerator
    ) async throws -> ([Float], [Float]) {
        let d = range.count
        let n = targets.count
        let q = max(1, configuration.samplesPerEstimate)
        let sigma = configuration.samplingRadius
        let perRow = 2 * q + 1
        var batch = [Float](repeating: 0, count: n * perRow * d)
        var directions = [Float](repeating: 0, count: n * q * d)
        for r in 0..<n {
            let base = r * perRow * d
            for j in 0..<d { batch[base + j] = x[r * d + j] }
            for k in 0..<q {
                for j in 0..<d {
                    let u = rng.nextGaussian()
                    directions[(r * q + k) * d + j] = u
                    let step = sigma * range.width(j) * u
                    batch[base + (1 + 2 * k) * d + j] = x[r * d + j] + step
                    batch[base + (2 + 2 * k) * d + j] = x[r * d + j] - step
                }
            }
        }
        let out = try await model.predict(Tensor(shape: [n * perRow] + inputShape, scalars: batch))
        let p = Self.probabilities(out)
        let w = out.width
        var current = [Float](repeating: 0, count: n * w)
        var gradient = [Float](repeating: 0, count: n * d)
        let margin = configuration.objective == .logitMargin
        func loss(_ row: Int, _ t: Int) -> Float {
            let own = -log(max(p[row * w + t], 1e-12))
            guard margin, w > 1 else { return own }
            var other: Float = 0
            for j in 0..<w where j != t { other = max(other, p[row * w + j]) }
            return own + log(max(other, 1e-12))
        }
        for r in 0..<n {
            let base = r * perRow
            for j in 0..<w { current[r * w + j] = p[base * w + j] }
            for k in 0..<q {
                let diff = loss(base + 1 + 2 * k, targets[r]) - loss(base + 2 + 2 * k, targets[r])
                for j in 0..<d {
                    // Divide by σ·width so the estimate is in the input's own units.
                    gradient[r * d + j] +=
                        diff * directions[(r * q + k) * d + j] / (2 * sigma * range.width(j) * Float(q))
                }
            }
        }
        return (current, gradient)
    }

    /// Adds the gradient of the total-variation penalty (a known function: no queries) to the
    /// gradient of the cost and returns each row's penalty; zeros unless the input is an image and
    /// the weight is positive.
    func totalVariation(x: [Float], gradient: inout [Float], rows n: Int) -> [Double] {
        let d = range.count
        var penalty = [Double](repeating: 0, count: n)
        guard configuration.totalVariationWeight > 0, let img = imageShape, img.count == 3 else { return penalty }
        let (c, h, wd) = (img[0], img[1], img[2])
        let tv = configuration.totalVariationWeight
        for r in 0..<n {
            let base = r * d
            var sum: Float = 0
            for ch in 0..<c {
                for i in 0..<h {
                    for j in 0..<wd {
                        let p = base + pixel(ch, i, j)
                        if j + 1 < wd {
                            let q = base + pixel(ch, i, j + 1)
                            let diff = x[p] - x[q]
                            sum += diff * diff
                            gradient[p] += tv * 2 * diff
                            gradient[q] -= tv * 2 * diff
                        }
                        if i + 1 < h {
                            let q = base + pixel(ch, i + 1, j)
                            let diff = x[p] - x[q]
                            sum += diff * diff
                            gradient[p] += tv * 2 * diff
                            gradient[q] -= tv * 2 * diff
                        }
                    }
                }
            }
            penalty[r] = Double(tv * sum)
        }
        return penalty
    }

    /// The offset of pixel (channel, row, column) in one input row laid out as `imageShape`
    /// ([channels, height, width]), channels first or, with `imageChannelsLast`, last.
    func pixel(_ ch: Int, _ i: Int, _ j: Int) -> Int {
        guard let img = imageShape, img.count == 3 else { return j }
        return configuration.imageChannelsLast ? (i * img[2] + j) * img[0] + ch : (ch * img[1] + i) * img[2] + j
    }

    /// MI-Face's PROCESS: clip to the box; optionally denoise or sharpen image-shaped rows.
    func process(_ x: inout [Float], row r: Int) {
        let d = range.count
        if configuration.process != .clip, let img = imageShape, img.count == 3 {
            let (c, h, w) = (img[0], img[1], img[2])
            let base = r * d
            let original = Array(x[base..<(base + d)])
            let amount: Float = configuration.process == .denoise ? 0.25 : -0.25
            for ch in 0..<c {
                for i in 0..<h {
                    for j in 0..<w {
                        var s: Float = 0
                        var k: Float = 0
                        for di in -1...1 {
                            for dj in -1...1 {
                                let ii = i + di
                                let jj = j + dj
                                if ii >= 0, ii < h, jj >= 0, jj < w {
                                    s += original[pixel(ch, ii, jj)]
                                    k += 1
                                }
                            }
                        }
                        let p = pixel(ch, i, j)
                        x[base + p] = original[p] + amount * (s / k - original[p])
                    }
                }
            }
        }
        for j in 0..<d {
            x[r * d + j] = min(max(x[r * d + j], range.lower[j]), range.upper[j])
        }
    }
}
