import AIRiskAccess
import AIRiskTensor
import Foundation

/// Model inversion (Fredrikson et al. 2015; OWASP ML03, ATLAS AML.T0024.001): reconstructs
/// what a class's training data looks like from the model alone.
///
/// White-box, when the model gives input gradients, it ascends on the input (MI-Face with seed
/// 002's improvements). With scores only, it estimates the same gradients from confidence answers
/// with antithetic Gaussian sampling (NES), spending queries from the budget. With labels only it
/// does not run, and says so.
///
/// The objective is J(x) = log f_target(x) − λ (x − x̄)ᵀ M⁻¹ (x − x̄) / d: the target's
/// log-probability held near the attacker's public data by a prior (x̄ the public mean, M its
/// shrunk covariance or diag(range²)). The ascent starts at x̄, steps along M ∇J (the largest
/// feature moves λ × its range), clips to the box, runs a fixed budget and keeps the best iterate
/// by J: stopping once f_target reaches γ ends on adversarial patterns. The reported cost is
/// MI-Face's 1 − f_target.
package struct InversionProbe: Sendable {
    package var configuration: InversionConfiguration

    package init(configuration: InversionConfiguration = InversionConfiguration()) {
        self.configuration = configuration
    }

    /// Runs the probe. `members` gives the per-class means and nearest-member distances the
    /// reconstructions are judged against; `nonMembers` the public-data baseline; `publicData` the
    /// attacker's auxiliary data the prior is fitted on (nil: the non-members); `evaluator` an
    /// independent classifier trained on the members, which judges attack accuracy.
    package func run(
        model target: any ModelAccess, members: LabeledData?, nonMembers: LabeledData?, range: FeatureRange,
        publicData: LabeledData? = nil, evaluator: (any ModelAccess)? = nil, progress: ProbeProgress? = nil
    ) async throws -> InversionResult {
        let started = Date()
        let desc = target.description
        let model = CountingModel(target, budget: configuration.queryBudget)
        let useGradients = desc.providesInputGradients && !configuration.forceBlackBox
        let access: AccessLevel = useGradients ? .whiteBox : (desc.outputKind == .labels ? .labelsOnly : .scores)
        // Without public rows the prior sits at the centre of the feature box (a note in the result says so).
        let priorName = (publicData ?? nonMembers) == nil ? "a feature-box prior" : "a public-data prior"
        var result = InversionResult(
            access: access,
            method: useGradients
                ? "gradient ascent with \(priorName)" : "zeroth-order (NES) ascent with \(priorName)",
            notApplicableReason: nil, classes: [], queries: QueryCount(), queryBudget: configuration.queryBudget,
            wallTimeSeconds: 0, seed: configuration.seed, configuration: configuration, inputShape: desc.inputShape,
            imageShape: configuration.imageShape.map { $0.count == 2 ? [1] + $0 : $0 }
                ?? Self.imageShape(of: desc.inputShape), notes: [])

        switch desc.outputKind {
        case .labels:
            result.method = "not run"
            result.notApplicableReason =
                "the model returns labels only: inversion needs confidence scores (or gradients) to follow, and a label gives no direction until the target class is already reached"
            return result
        case .regression:
            result.method = "not run"
            result.notApplicableReason =
                "the model is a regressor: class-representative inversion applies to classifiers"
            return result
        case .sequence:
            result.method = "not run"
            result.notApplicableReason = "inversion of sequence models is not supported"
            return result
        case .probabilities, .logits:
            break
        }
        let d = desc.featureCount
        guard range.count == d else {
            throw ProbeError.featureCountMismatch(data: "the feature range", expected: d, found: range.count)
        }
        if let shape = configuration.imageShape {
            // [channels, height, width] or [height, width], whatever the pixels' order in the row.
            guard shape.count == 2 || shape.count == 3, shape.allSatisfy({ $0 > 0 }), shape.reduce(1, *) == d else {
                let hwc = shape.count == 3 ? [shape[1], shape[2], shape[0]] : shape
                throw ProbeError.imageShapeMismatch(heightWidthChannels: hwc, features: d)
            }
        }
        let classCount = desc.outputWidth
        let classes = configuration.classes ?? Array(0..<classCount)
        if let bad = classes.first(where: { $0 < 0 || $0 >= classCount }) {
            throw ProbeError.classOutOfRange(classIndex: bad, classes: classCount)
        }

        let descent = Descent(
            configuration: configuration, range: range, inputShape: desc.inputShape, imageShape: result.imageShape,
            outputKind: desc.outputKind)
        let prior = try Self.prior(
            publicData ?? nonMembers, range: range, configuration: configuration, notes: &result.notes)
        var start: [Float]?
        if !useGradients, configuration.surrogateTransfer, let data = publicData ?? nonMembers {
            start = try await surrogateStart(
                model: model, publicData: data, classes: classes, classCount: classCount, range: range,
                prior: prior, inputShape: desc.inputShape, imageShape: result.imageShape, notes: &result.notes)
            if start != nil {
                result.method = "surrogate transfer, then zeroth-order (NES) ascent with \(priorName)"
            }
        }
        var ascentModel = model
        if useGradients, configuration.augmentationModels > 0, let data = publicData ?? nonMembers {
            let copies = try await augmentationCopies(
                model: model, publicData: data, classCount: classCount, notes: &result.notes)
            if !copies.isEmpty {
                ascentModel = CountingModel(AugmentedModel(target: model, copies: copies))
                result.method = "gradient ascent with \(priorName), augmented with \(copies.count) distilled copies"
            }
        }
        let best = try await descent.run(
            model: ascentModel, classes: classes, prior: prior, useGradients: useGradients, notes: &result.notes,
            start: start, progress: progress)

        // Judge the winning reconstructions.
        let rows = Tensor(shape: [classes.count] + desc.inputShape, scalars: best.flatMap(\.x))
        let answer = try await model.predict(rows)
        let probabilities = Descent.probabilities(answer)
        var judged: ModelOutput?
        if let evaluator { judged = try await evaluator.predict(rows) }
        let judgedProbabilities = judged.map(Descent.probabilities)
        let stats = try ReferenceStatistics(members: members, nonMembers: nonMembers, featureCount: d)
        var rng = SeededGenerator(seed: configuration.seed).derived(1_000_003)

        for (i, c) in classes.enumerated() {
            let x = best[i].x
            var entry = ClassInversion(
                targetClass: c, reconstruction: x, targetConfidence: Double(probabilities[i * classCount + c]),
                targetPrediction: answer.labels[i], evaluatorPrediction: judged?.labels[i],
                evaluatorConfidence: judgedProbabilities.map { p in
                    let w = judged?.width ?? 0
                    return c < w ? Double(p[i * w + c]) : 0
                }, similarity: nil, nonMemberMeanBaseline: nil, randomBaseline: nil, classMean: nil,
                iterations: best[i].iterations, finalCost: Double(best[i].cost))
            if let mean = stats.memberMeans[c] {
                let members = stats.membersByClass[c] ?? []
                entry.classMean = mean
                entry.similarity = SimilarityMetrics.measure(
                    x, classMean: mean, populationMean: stats.populationMean, classMembers: members)
                if let nm = stats.nonMemberMeans[c] {
                    entry.nonMemberMeanBaseline = SimilarityMetrics.measure(
                        nm, classMean: mean, populationMean: stats.populationMean, classMembers: members)
                }
                var draws: [SimilarityMetrics] = []
                for _ in 0..<8 {
                    var r = [Float](repeating: 0, count: d)
                    for j in 0..<d { r[j] = range.lower[j] + rng.nextUniform() * (range.upper[j] - range.lower[j]) }
                    draws.append(
                        SimilarityMetrics.measure(
                            r, classMean: mean, populationMean: stats.populationMean, classMembers: members))
                }
                entry.randomBaseline = SimilarityMetrics.average(draws)
            }
            result.classes.append(entry)
        }
        if members == nil { result.notes.append("no member data supplied: similarity to training data not measured") }
        if evaluator == nil { result.notes.append("no evaluation classifier: attack accuracy not measured") }
        result.queries = model.count
        result.wallTimeSeconds = Date().timeIntervalSince(started)
        return result
    }

    /// Surrogate transfer: the target labels up to `surrogateQueries` public rows (at most half the
    /// budget; every row counted), an in-process MLP learns them, and the white-box ascent on that copy
    /// (no target queries) gives each class's starting point for the ascent on the target. Nil when
    /// too few rows can be labelled or the labels name fewer than two classes.
    func surrogateStart(
        model: CountingModel, publicData: LabeledData, classes: [Int], classCount: Int, range: FeatureRange,
        prior: InversionPrior, inputShape: [Int], imageShape: [Int]?, notes: inout [String]
    ) async throws -> [Float]? {
        var rows = min(publicData.count, max(0, configuration.surrogateQueries))
        if let remaining = model.remaining { rows = min(rows, remaining / 2) }
        guard rows >= 2 * classCount else {
            notes.append("too few public rows or queries to train a surrogate: the ascent starts at the public mean")
            return nil
        }
        let features = publicData.subset(Array(0..<rows)).features
        let labels = try await model.predict(features).labels
        guard Set(labels).count >= 2 else {
            notes.append("the target gave every public row one label: no surrogate was trained")
            return nil
        }
        let copy = try EngineNetworkTrainer(hiddenSizes: [64], epochs: 60).fit(
            try LabeledData(features: features, labels: labels), classCount: classCount,
            seed: configuration.seed &+ 101
        ).model
        let surrogate = CountingModel(SurrogateModel(network: copy))
        let descent = Descent(
            configuration: configuration, range: range, inputShape: inputShape, imageShape: imageShape,
            outputKind: .probabilities)
        var ignored: [String] = []
        let outcomes = try await descent.run(
            model: surrogate, classes: classes, prior: prior, useGradients: true, notes: &ignored)
        notes.append(
            "surrogate transfer: the target labelled \(rows) public rows for an in-process copy, inverted white-box "
                + "(\(surrogate.count.gradientCalls) gradient calls on the copy, none on the target)")
        return outcomes.flatMap(\.x)
    }

    /// Model augmentation's copies: the target labels up to ``InversionConfiguration/surrogateQueries`` public
    /// rows (counted) and ``InversionConfiguration/augmentationModels`` in-process MLPs of alternating widths
    /// learn them, each from its own seed. None when the labels name fewer than two classes.
    func augmentationCopies(
        model: CountingModel, publicData: LabeledData, classCount: Int, notes: inout [String]
    ) async throws -> [SurrogateModel] {
        let rows = min(publicData.count, max(0, configuration.surrogateQueries))
        guard rows >= 2 * classCount else {
            notes.append("too few public rows for model augmentation: the ascent follows the target alone")
            return []
        }
        let features = publicData.subset(Array(0..<rows)).features
        let labels = try await model.predict(features).labels
        guard Set(labels).count >= 2 else {
            notes.append("the target gave every public row one label: no copies for model augmentation")
            return []
        }
        let data = try LabeledData(features: features, labels: labels)
        var copies: [SurrogateModel] = []
        for k in 0..<configuration.augmentationModels {
            let network = try EngineNetworkTrainer(hiddenSizes: [k % 2 == 0 ? 64 : 128], epochs: 60).fit(
                data, classCount: classCount, seed: configuration.seed &+ 211 &+ UInt64(k)
            ).model
            copies.append(SurrogateModel(network: network))
        }
        notes.append(
            "model augmentation: the ascent averages its objective over the target and \(copies.count) in-process "
                + "copies trained on the target's labels for \(rows) public rows")
        return copies
    }

    /// The attacker's prior, fitted on the public rows; the centre of the box with a diagonal metric
    /// when there are none.
    static func prior(
        _ data: LabeledData?, range: FeatureRange, configuration: InversionConfiguration, notes: inout [String]
    ) throws -> InversionPrior {
        let d = range.count
        guard let data, data.count > 0 else {
            notes.append("no public data: the ascent starts at the centre of the feature box")
            return InversionPrior(mean: (0..<d).map { (range.lower[$0] + range.upper[$0]) / 2 }, range: range)
        }
        guard let rows = data.features.floats, rows.count == data.count * d else {
            throw ProbeError.featureCountMismatch(
                data: "the public data", expected: d, found: data.count > 0 ? data.features.count / data.count : nil)
        }
        if configuration.prior == .gaussian {
            if let gaussian = InversionPrior(
                rows: rows, count: data.count, range: range, shrinkage: configuration.priorShrinkage)
            {
                return gaussian
            }
            notes.append(
                d > InversionPrior.maxGaussianFeatures
                    ? "\(d) features: more than \(InversionPrior.maxGaussianFeatures), so the prior is L2, not Gaussian"
                    : "the public data's covariance could not be factored: the prior is L2, not Gaussian")
        }
        let mean = InversionPrior.mean(rows, count: data.count, range: range)
        return InversionPrior(mean: mean.map(Float.init), range: range)
    }

    /// An image layout for inputs that look like images: [1, H, W] / [3, H, W] / [H, W], or a
    /// flat vector whose length is a square of at least 8×8.
    package static func imageShape(of inputShape: [Int]) -> [Int]? {
        switch inputShape.count {
        case 3 where (inputShape[0] == 1 || inputShape[0] == 3) && inputShape[1] >= 4 && inputShape[2] >= 4:
            return inputShape
        case 2 where inputShape[0] >= 4 && inputShape[1] >= 4:
            return [1] + inputShape
        case 1:
            let side = Int(Double(inputShape[0]).squareRoot().rounded())
            return side >= 8 && side * side == inputShape[0] ? [1, side, side] : nil
        default:
            return nil
        }
    }
}

extension SimilarityMetrics {
    static func average(_ all: [SimilarityMetrics]) -> SimilarityMetrics? {
        guard !all.isEmpty else { return nil }
        let n = Double(all.count)
        return SimilarityMetrics(
            mseToClassMean: all.map(\.mseToClassMean).reduce(0, +) / n,
            cosineToClassMean: all.map(\.cosineToClassMean).reduce(0, +) / n,
            centredCosineToClassMean: all.map(\.centredCosineToClassMean).reduce(0, +) / n,
            nearestMemberDistance: all.map(\.nearestMemberDistance).reduce(0, +) / n)
    }
}
