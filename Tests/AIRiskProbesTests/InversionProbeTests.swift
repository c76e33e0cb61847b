import AIRiskAccess
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskProbes

/// A softmax-regression classifier with an analytic input gradient, standing in for a white-box
/// model in unit tests (the ONNX fixtures are exercised in the assessment tests).
private struct SoftmaxModel: ModelAccess {
    let w: [Float]  // classes × d
    let b: [Float]
    let d: Int
    let classes: Int
    var kind: OutputKind = .probabilities
    var gradients = true

    var description: ModelDescription {
        ModelDescription(
            name: "softmax-test", inputShape: [d], outputKind: kind, outputWidth: classes,
            providesInputGradients: gradients)
    }

    func probabilities(_ x: [Float], rows: Int) -> [Float] {
        var p = [Float](repeating: 0, count: rows * classes)
        for r in 0..<rows {
            var z = [Float](repeating: 0, count: classes)
            for c in 0..<classes {
                var s = b[c]
                for j in 0..<d { s += w[c * d + j] * x[r * d + j] }
                z[c] = s
            }
            let m = z.max() ?? 0
            let e = z.map { exp($0 - m) }
            let t = e.reduce(0, +)
            for c in 0..<classes { p[r * classes + c] = e[c] / t }
        }
        return p
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let rows = batch.shape[0]
        let p = probabilities(batch.floats ?? [], rows: rows)
        let labels = (0..<rows).map { r in (0..<classes).max { p[r * classes + $0] < p[r * classes + $1] } ?? 0 }
        if kind == .labels { return ModelOutput(kind: .labels, rows: rows, scores: [], width: classes, labels: labels) }
        return ModelOutput(kind: .probabilities, rows: rows, scores: p, width: classes, labels: labels)
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        guard gradients else { throw ModelAccessError.noInputGradients(model: "softmax-test") }
        let out = try await predict(batch)
        let s = seed(out)
        let rows = out.rows
        var g = [Float](repeating: 0, count: rows * d)
        for r in 0..<rows {
            // dp_k/dz_c = p_k (δ_kc − p_c); then dz_c/dx = w_c.
            var dz = [Float](repeating: 0, count: classes)
            for c in 0..<classes {
                var acc: Float = 0
                for k in 0..<classes {
                    let pk = out.scores[r * classes + k]
                    let pc = out.scores[r * classes + c]
                    acc += s[r * classes + k] * pk * ((k == c ? 1 : 0) - pc)
                }
                dz[c] = acc
            }
            for c in 0..<classes { for j in 0..<d { g[r * d + j] += dz[c] * w[c * d + j] } }
        }
        return (out, Tensor(shape: batch.shape, scalars: g))
    }
}

private struct Synthetic {
    let model: SoftmaxModel
    let members: LabeledData
    let nonMembers: LabeledData
    let range: FeatureRange

    init(classes: Int = 4, d: Int = 16, perClass: Int = 30, seed: UInt64 = 7) {
        var rng = SeededGenerator(seed: seed)
        let centres = (0..<classes).map { _ in (0..<d).map { _ in rng.nextUniform() } }
        func sample(_ n: Int) -> LabeledData {
            var x: [Float] = []
            var y: [Int] = []
            for c in 0..<classes {
                for _ in 0..<n {
                    x += centres[c].map { min(1, max(0, $0 + 0.1 * rng.nextGaussian())) }
                    y.append(c)
                }
            }
            return try! LabeledData(features: Tensor(shape: [y.count, d], scalars: x), labels: y)
        }
        members = sample(perClass)
        nonMembers = sample(perClass)
        let mean = (0..<d).map { j in centres.map { $0[j] }.reduce(0, +) / Float(classes) }
        var w: [Float] = []
        for c in 0..<classes { w += (0..<d).map { j in 12 * (centres[c][j] - mean[j]) } }
        model = SoftmaxModel(w: w, b: [Float](repeating: 0, count: classes), d: d, classes: classes)
        range = FeatureRange(lower: [Float](repeating: 0, count: d), upper: [Float](repeating: 1, count: d))
    }
}

@Suite("Inversion probe")
struct InversionProbeTests {
    @Test("white-box inversion reaches every class and resembles the class mean")
    func whiteBox() async throws {
        let s = Synthetic()
        var config = InversionConfiguration()
        config.seed = 1
        config.stepSize = 0.05
        let result = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: s.nonMembers, range: s.range, evaluator: s.model)
        #expect(result.access == .whiteBox)
        #expect(result.classes.count == 4)
        for c in result.classes {
            let sim = try #require(c.similarity)
            let random = try #require(c.randomBaseline)
            let mean = try #require(c.classMean)
            // The prior holds the reconstruction near plausible inputs, so its confidence is that of a typical
            // record rather than 1: the target labels it as the class, with confidence 0.9 or, where the model
            // doubts even the class's member mean (class 1's mean reads as class 2), more than that mean gets.
            let own = try await s.model.predict(Tensor(shape: [1, 16], scalars: mean))
            #expect(c.targetPrediction == c.targetClass)
            #expect(
                c.targetConfidence >= min(0.9, Double(own.scores[c.targetClass])),
                "class \(c.targetClass): \(c.targetConfidence) against the member mean's \(own.scores[c.targetClass])")
            #expect(sim.centredCosineToClassMean > random.centredCosineToClassMean + 0.5)
        }
        #expect(result.attackAccuracy == 1)
        #expect(result.queries.gradientCalls > 0)
    }

    @Test("black-box inversion reaches most classes from confidence scores alone, within budget")
    func blackBox() async throws {
        let s = Synthetic()
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.maxIterations = 60
        config.restarts = 1
        config.samplesPerEstimate = 8
        config.queryBudget = 20_000
        let result = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: nil, range: s.range)
        #expect(result.access == .scores)
        #expect(result.targetSuccessRate >= 0.75)
        #expect(result.queries.rows <= 20_000)
        #expect(result.queries.gradientCalls == 0)
    }

    @Test("a labels-only model is not inverted, and the result says why")
    func labelsOnly() async throws {
        let s = Synthetic()
        var m = s.model
        m.kind = .labels
        m.gradients = false
        let result = try await InversionProbe().run(model: m, members: s.members, nonMembers: nil, range: s.range)
        #expect(result.access == .labelsOnly)
        #expect(result.classes.isEmpty)
        #expect(result.notApplicableReason?.contains("labels only") == true)
        #expect(result.queries.rows == 0)
    }

    @Test("the same seed gives the same reconstructions")
    func deterministic() async throws {
        let s = Synthetic()
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.maxIterations = 10
        config.seed = 42
        let a = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: nil, range: s.range)
        let b = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: nil, range: s.range)
        #expect(a.classes == b.classes)
    }

    @Test("the ascent starts at the public data's mean and runs its whole budget")
    func startsAtPublicMean() async throws {
        let s = Synthetic()
        var config = InversionConfiguration()
        config.restarts = 1
        config.maxIterations = 0
        let still = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: s.nonMembers, range: s.range, publicData: s.nonMembers)
        let rows = try #require(s.nonMembers.features.floats)
        let d = 16
        for c in still.classes {
            for j in 0..<d {
                let mean = (0..<s.nonMembers.count).map { rows[$0 * d + j] }.reduce(0, +) / Float(s.nonMembers.count)
                #expect(abs(c.reconstruction[j] - mean) <= 1e-5 * max(1, abs(mean)))
            }
        }
        config.maxIterations = 40
        let moved = try await InversionProbe(configuration: config).run(
            model: s.model, members: s.members, nonMembers: s.nonMembers, range: s.range, publicData: s.nonMembers)
        #expect(moved.classes.allSatisfy { $0.iterations == 40 })
        #expect(moved.queries.gradientCalls == 41)
        #expect(moved.meanTargetConfidence > still.meanTargetConfidence)
    }

    @Test("the Gaussian prior's penalty is (x − x̄)ᵀ M⁻¹ (x − x̄) for its shrunk covariance M")
    func gaussianPrior() throws {
        // Rows (0,0), (2,0), (0,2), (2,2), (1,1): mean (1,1), covariance diag(1, 1) × 4/4 = I.
        let rows: [Float] = [0, 0, 2, 0, 0, 2, 2, 2, 1, 1]
        let range = FeatureRange(lower: [0, 0], upper: [2, 2])
        let prior = try #require(InversionPrior(rows: rows, count: 5, range: range, shrinkage: 0))
        #expect(prior.mean == [1, 1])
        #expect(abs(prior.quadratic([2, 1][...]) - 1) < 1e-9)
        #expect(abs(prior.quadratic([2, 2][...]) - 2) < 1e-9)
        #expect(prior.apply([3, -1][...]) == [3, -1])
        // Correlated rows: covariance [[1, 0.5], [0.5, 1]]·(scale); M⁻¹ from the Cholesky factor.
        let correlated: [Float] = [0, 0, 2, 1, 1, 2, 1, 1]
        let p2 = try #require(InversionPrior(rows: correlated, count: 4, range: range, shrinkage: 0))
        let m = try #require(p2.metric)
        let det = m[0] * m[3] - m[1] * m[2]
        let (dx, dy) = (Double(2 - p2.mean[0]), Double(0 - p2.mean[1]))
        let direct = (m[3] * dx * dx - 2 * m[1] * dx * dy + m[0] * dy * dy) / det
        #expect(abs(p2.quadratic([2, 0][...]) - direct) <= 1e-6 * max(1, direct))
    }

    @Test("missing values in the public data stay out of the prior's mean and covariance")
    func priorWithMissingValues() throws {
        let range = FeatureRange(lower: [0, 0], upper: [2, 2])
        let rows: [Float] = [0, 0, 2, 0, 0, 2, 2, 2, 1, 1]
        var holes = rows + [.nan, 1, 1, .infinity]
        let clean = try #require(InversionPrior(rows: rows, count: 5, range: range, shrinkage: 0.1))
        let missing = try #require(InversionPrior(rows: holes, count: 7, range: range, shrinkage: 0.1))
        #expect(missing.mean == clean.mean)
        #expect(missing.quadratic([2, 1][...]).isFinite)
        #expect(InversionPrior.mean(holes, count: 7, range: range) == [1, 1])
        holes = [.nan, .nan, .nan, .nan]
        #expect(InversionPrior.mean(holes, count: 2, range: range) == [1, 1])
    }

    @Test("an image shape that does not hold the model's features is refused")
    func imageShapeMismatch() async throws {
        let s = Synthetic()
        var config = InversionConfiguration()
        config.imageShape = [1, 4, 5]
        await #expect(throws: ProbeError.self) {
            _ = try await InversionProbe(configuration: config).run(
                model: s.model, members: s.members, nonMembers: nil, range: s.range)
        }
    }

    @Test("the total-variation penalty and its gradient read channels-last rows as the same image")
    func totalVariationLayouts() {
        let (c, h, w) = (3, 4, 5)
        let d = c * h * w
        var rng = SeededGenerator(seed: 9)
        var first = [Float](repeating: 0, count: d)
        var last = first
        for ch in 0..<c {
            for i in 0..<h {
                for j in 0..<w {
                    let v = rng.nextUniform()
                    first[(ch * h + i) * w + j] = v
                    last[(i * w + j) * c + ch] = v
                }
            }
        }
        var config = InversionConfiguration()
        config.totalVariationWeight = 0.5
        let range = FeatureRange(lower: [Float](repeating: 0, count: d), upper: [Float](repeating: 1, count: d))
        let a = Descent(
            configuration: config, range: range, inputShape: [d], imageShape: [c, h, w], outputKind: .probabilities)
        config.imageChannelsLast = true
        let b = Descent(
            configuration: config, range: range, inputShape: [d], imageShape: [c, h, w], outputKind: .probabilities)
        var ga = [Float](repeating: 0, count: d)
        var gb = ga
        let pa = a.totalVariation(x: first, gradient: &ga, rows: 1)
        let pb = b.totalVariation(x: last, gradient: &gb, rows: 1)
        #expect(pa[0] > 0)
        #expect(abs(pa[0] - pb[0]) <= 1e-6 * pa[0])
        for ch in 0..<c {
            for i in 0..<h {
                for j in 0..<w {
                    #expect(abs(ga[(ch * h + i) * w + j] - gb[(i * w + j) * c + ch]) <= 1e-6)
                }
            }
        }
    }

    @Test("image-shaped inputs are recognised")
    func imageShapes() {
        #expect(InversionProbe.imageShape(of: [64]) == [1, 8, 8])
        #expect(InversionProbe.imageShape(of: [1, 28, 28]) == [1, 28, 28])
        #expect(InversionProbe.imageShape(of: [30]) == nil)
    }
}
