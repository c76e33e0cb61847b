import AIRiskAccess
import AIRiskTensor
import Foundation

/// The MI-Face descent loop, run for every (class, restart) pair at once as one batch so each
/// iteration costs one model call.
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

    func run(
        model: CountingModel, classes: [Int], useGradients: Bool, notes: inout [String], progress: ProbeProgress? = nil
    ) async throws -> [Outcome] {
        let d = range.count
        let restarts = max(1, configuration.restarts)
        let n = classes.count * restarts
        let width = model.description.outputWidth
        var rng = SeededGenerator(seed: configuration.seed)
        let targets = classes.flatMap { [Int](repeating: $0, count: restarts) }

        // Starts near the centre of the box (MI-Face starts from a neutral input); restarts differ
        // by a uniform jitter of ±`startJitter` of each feature's range.
        var x = [Float](repeating: 0, count: n * d)
        for r in 0..<n {
            for j in 0..<d {
                let mid = (range.lower[j] + range.upper[j]) / 2
                let jitter = (rng.nextUniform() * 2 - 1) * configuration.startJitter * (range.upper[j] - range.lower[j])
                x[r * d + j] = min(max(mid + jitter, range.lower[j]), range.upper[j])
            }
        }
        var bestX = x
        var bestCost = [Float](repeating: .infinity, count: n)
        var sinceImprovement = [Int](repeating: 0, count: n)
        var iterations = [Int](repeating: 0, count: n)
        var active = [Bool](repeating: true, count: n)
        let shape = [n] + inputShape
        var budgetStop = false

        for iteration in 0..<configuration.maxIterations {
            guard active.contains(true) else { break }
            try Cancellation.check()
            progress?(Double(iteration) / Double(configuration.maxIterations))
            let probabilities: [Float]
            var gradient: [Float]
            if useGradients {
                let kind = outputKind
                let seedTargets = targets
                let (output, grad) = try await model.valueAndInputGradient(Tensor(shape: shape, scalars: x)) { out in
                    Self.negativeLogSeed(out, targets: seedTargets, kind: kind)
                }
                probabilities = Self.probabilities(output)
                guard let g = grad.floats, g.count == n * d else {
                    throw ProbeError.invalidData("the model returned an input gradient of the wrong size")
                }
                gradient = g
            } else {
                let q = max(1, configuration.samplesPerEstimate)
                let rowsNeeded = n * (2 * q + 1)
                if let remaining = model.remaining, remaining < rowsNeeded {
                    budgetStop = true
                    break
                }
                (probabilities, gradient) = try await estimate(model: model, x: x, targets: targets, rng: &rng)
            }
            addPriorGradient(x: x, gradient: &gradient, rows: n)

            for r in 0..<n where active[r] {
                let cost = 1 - probabilities[r * width + targets[r]]
                if cost < bestCost[r] - 1e-6 {
                    bestCost[r] = cost
                    for j in 0..<d { bestX[r * d + j] = x[r * d + j] }
                    sinceImprovement[r] = 0
                } else {
                    sinceImprovement[r] += 1
                }
                if bestCost[r] <= configuration.costThreshold || sinceImprovement[r] >= configuration.patience {
                    active[r] = false
                    continue
                }
                iterations[r] += 1
                var scale: Float = 0
                for j in 0..<d { scale = max(scale, abs(gradient[r * d + j] * range.width(j))) }
                guard scale > 0, scale.isFinite else { continue }
                for j in 0..<d {
                    let w = range.width(j)
                    x[r * d + j] -= configuration.stepSize * w * (gradient[r * d + j] * w) / scale
                }
                process(&x, row: r)
            }
        }
        if budgetStop {
            notes.append("the query budget ended the descent before every class converged")
        }
        // A final look at the last iterate, which the loop above has not scored.
        var outcomes: [Outcome] = []
        for (ci, _) in classes.enumerated() {
            var pick = ci * restarts
            for k in 0..<restarts where bestCost[ci * restarts + k] < bestCost[pick] { pick = ci * restarts + k }
            outcomes.append(
                Outcome(
                    x: Array(bestX[(pick * d)..<((pick + 1) * d)]), cost: bestCost[pick], iterations: iterations[pick]))
        }
        return outcomes
    }

    /// The seed that makes the model's vector-Jacobian product the gradient of −log p_target.
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
        func loss(_ row: Int, _ t: Int) -> Float { -log(max(p[row * w + t], 1e-12)) }
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

    /// Adds the gradients of the L2 and total-variation priors (known functions: no queries).
    func addPriorGradient(x: [Float], gradient: inout [Float], rows n: Int) {
        let d = range.count
        if configuration.l2Weight > 0 {
            for r in 0..<n {
                for j in 0..<d {
                    let w = range.width(j)
                    let mid = (range.lower[j] + range.upper[j]) / 2
                    gradient[r * d + j] += configuration.l2Weight * 2 * (x[r * d + j] - mid) / (w * w)
                }
            }
        }
        if configuration.totalVariationWeight > 0, let img = imageShape, img.count == 3 {
            let (c, h, wd) = (img[0], img[1], img[2])
            let tv = configuration.totalVariationWeight
            for r in 0..<n {
                let base = r * d
                for ch in 0..<c {
                    for i in 0..<h {
                        for j in 0..<wd {
                            let p = base + (ch * h + i) * wd + j
                            if j + 1 < wd {
                                let diff = x[p] - x[p + 1]
                                gradient[p] += tv * 2 * diff
                                gradient[p + 1] -= tv * 2 * diff
                            }
                            if i + 1 < h {
                                let diff = x[p] - x[p + wd]
                                gradient[p] += tv * 2 * diff
                                gradient[p + wd] -= tv * 2 * diff
                            }
                        }
                    }
                }
            }
        }
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
                                    s += original[(ch * h + ii) * w + jj]
                                    k += 1
                                }
                            }
                        }
                        let p = (ch * h + i) * w + j
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
