import AIRiskAccess
import AIRiskTensor

/// Trains the probes' in-process classifiers — shadow and reference models for membership
/// inference, the shadow attack's membership classifiers, the independent evaluation classifier for
/// inversion, and the defense what-if retrains — on the tensor engine that also runs the supplied
/// ONNX models: an MLP (or, without hidden layers, multinomial logistic regression) on standardised
/// inputs, softmax cross-entropy, Adam, seeded initialisation and batch order.
///
/// The overfitting defenses are options of the engine's trainer: L2 weight decay, inverted dropout
/// on the hidden layers (seeded masks; inference uses the whole network), early stopping on a
/// validation set (the weights of the epoch with the lowest validation loss are kept) and DP-SGD's
/// per-example clipping and noise (see ``DPSGDTrainer``).
package struct EngineNetworkTrainer: MembershipModelTrainer {
    package var hiddenSizes: [Int]
    package var epochs: Int
    package var batchSize: Int
    package var learningRate: Float
    /// L2 weight decay added to the weight gradients (λ·W); 0 for none.
    package var l2: Float
    /// The probability of dropping a hidden unit during training, in [0, 1); 0 for none.
    package var dropout: Float
    /// Stop when the loss on ``EarlyStopping/validation`` has not improved for this many epochs; nil trains
    /// every epoch.
    package var earlyStopping: EarlyStopping?
    /// DP-SGD: per-example clipping and Gaussian noise; nil trains normally.
    package var privacy: GradientPrivacy?
    /// The initial weights' scheme on every layer; nil keeps the model builder's (He normal for the
    /// hidden layers, Glorot uniform for the last), which the shadow and reference models use.
    package var initialisation: WeightInit?
    /// Standardise each feature with the training rows' mean and standard deviation (the model keeps the
    /// transform); false learns on the inputs as given, as a copy of a model that scales none does.
    package var standardizesInputs: Bool
    /// Per position of an input row, what its values are: a category index is read as one indicator per category
    /// and free text as its hashed words (``SurrogateInputEncoding``), as a model that one-hot encodes or
    /// vectorises them reads them; nil (or all continuous) reads every position as a quantity.
    package var inputDomains: [FeatureDomain]?

    /// Early stopping: the held-out records judged after every epoch, and the patience in epochs.
    package struct EarlyStopping: Sendable {
        package var validation: LabeledData
        package var patience: Int

        package init(validation: LabeledData, patience: Int) {
            self.validation = validation
            self.patience = patience
        }
    }

    /// How a fit went: the model, the epochs trained and the epoch whose weights were kept.
    package struct FitReport: Sendable {
        package var model: EngineNetworkModel
        package var epochsTrained: Int
        /// 1-based; equals ``epochsTrained`` without early stopping.
        package var keptEpoch: Int
        /// The validation loss of the kept epoch, when early stopping watched one.
        package var validationLoss: Double?
    }

    package init(
        hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64, learningRate: Float = 1e-3, l2: Float = 0,
        dropout: Float = 0, earlyStopping: EarlyStopping? = nil, privacy: GradientPrivacy? = nil,
        initialisation: WeightInit? = nil, standardizesInputs: Bool = true, inputDomains: [FeatureDomain]? = nil
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
        self.dropout = dropout
        self.earlyStopping = earlyStopping
        self.privacy = privacy
        self.initialisation = initialisation
        self.standardizesInputs = standardizesInputs
        self.inputDomains = inputDomains
    }

    package var summary: String { summary(linear: "multinomial logistic regression", loss: "softmax cross-entropy") }

    /// ``summary`` for the regressors ``fitRegressor(_:outputs:seed:)`` trains.
    package var regressorSummary: String {
        summary(linear: "linear regression", loss: "mean squared error on standardised targets")
    }

    private func summary(linear: String, loss: String) -> String {
        let shape = hiddenSizes.isEmpty ? linear : "MLP with hidden layers \(hiddenSizes)"
        let dp = privacy.map { ", DP-SGD (clip \($0.clipNorm), noise multiplier \($0.noiseMultiplier))" } ?? ""
        return "\(shape), \(loss)\(dp), Adam lr \(learningRate), batch \(batchSize), \(epochs) epochs, "
            + "L2 \(l2)" + (dropout > 0 ? ", dropout \(dropout)" : "") + (standardizesInputs ? "" : ", raw inputs")
            + (earlyStopping.map { ", early stopping (patience \($0.patience))" } ?? "")
            + (encodesInputs ? ", categories one-hot and texts as hashed words" : "") + " (airisk tensor engine)"
    }

    /// Whether ``inputDomains`` changes how rows are read.
    private var encodesInputs: Bool {
        inputDomains?.contains(where: SurrogateInputEncoding.encodes) ?? false
    }

    package func train(_ data: LabeledData, classCount: Int, seed: UInt64) async throws -> any ModelAccess {
        try fit(data, classCount: classCount, seed: seed).model
    }

    /// Trains a regressor on `data`'s float targets (`outputs` per row) with mean squared error on standardised
    /// targets, the same network body, optimiser and input rule as the classifiers: the reference models of
    /// membership inference against a regressor. Dropout, early stopping and DP-SGD are not applied.
    package func fitRegressor(_ data: LabeledData, outputs k: Int, seed: UInt64) throws -> EngineNetworkModel {
        let n = data.count
        let d = data.rowWidth
        guard n > 0, d > 0, k >= 1, let targets = data.targets, targets.count == n * k else {
            throw MembershipProbeError.untrainableData(
                rows: n, features: d, requirement: "a regressor needs rows and \(k) float target(s) for each")
        }
        let encoding = SurrogateInputEncoding(domains: inputDomains, width: d)
        let x = encoding.encode(data.scalars, rows: n)
        let e = encoding.encodedWidth
        let standardizer =
            standardizesInputs ? FeatureStandardizer(x, rows: n, width: e) : FeatureStandardizer.identity(width: e)
        let targetScale = FeatureStandardizer(targets, rows: n, width: k)
        var rng = SeededGenerator(seed: seed)
        let model = ModelBuilder.mlp(
            inputSize: e, hiddenSizes: hiddenSizes, head: .regressor(outputs: k), dropout: 0,
            initialisation: initialisation, seed: rng.next())
        let config = TrainingConfig(
            epochs: epochs, batchSize: batchSize, loss: .meanSquaredError,
            optimizer: .adam(learningRate: learningRate, weightDecay: l2), seed: rng.next())
        let trained = try Trainer.train(
            model, inputs: Tensor(shape: [n, e], scalars: standardizer.apply(x, rows: n)),
            targets: .values(Tensor(shape: [n, k], scalars: targetScale.apply(targets, rows: n))), config: config)
        return try EngineNetworkModel(
            regressor: trained.model, encoding: encoding, standardizer: standardizer, targetScale: targetScale,
            inputShape: data.rowShape,
            name: "in-process \(hiddenSizes.isEmpty ? "linear" : "MLP \(hiddenSizes)") regressor")
    }

    /// Trains on `data` and reports how the run went.
    package func fit(_ data: LabeledData, classCount: Int, seed: UInt64) throws -> FitReport {
        let n = data.count
        let d = data.rowWidth
        guard n > 0, d > 0, classCount >= 2, data.labels.count == n,
            data.labels.allSatisfy({ $0 >= 0 && $0 < classCount })
        else {
            throw MembershipProbeError.untrainableData(
                rows: n, features: d,
                requirement:
                    "a classifier needs one label in 0..<\(classCount) per row (got \(data.labels.count) labels)")
        }
        guard dropout >= 0, dropout < 1 else {
            throw MembershipProbeError.badTrainingSetting(
                setting: "dropout rate", value: "\(dropout)", requirement: "it must lie in [0, 1)")
        }
        let encoding = SurrogateInputEncoding(domains: inputDomains, width: d)
        let x = encoding.encode(data.scalars, rows: n)
        let e = encoding.encodedWidth
        let standardizer =
            standardizesInputs ? FeatureStandardizer(x, rows: n, width: e) : FeatureStandardizer.identity(width: e)
        let z = standardizer.apply(x, rows: n)
        var stopping: AIRiskTensor.EarlyStopping?
        if let stop = earlyStopping {
            let v = stop.validation
            guard stop.patience >= 1, v.count > 0, v.rowWidth == d, v.labels.allSatisfy({ $0 >= 0 && $0 < classCount })
            else {
                throw MembershipProbeError.badTrainingSetting(
                    setting: "early stopping", value: "patience \(stop.patience), \(v.count) validation rows",
                    requirement: "patience ≥ 1 and validation rows of \(d) features with labels in 0..<\(classCount)")
            }
            stopping = AIRiskTensor.EarlyStopping(
                inputs: Tensor(
                    shape: [v.count, e],
                    scalars: standardizer.apply(encoding.encode(v.scalars, rows: v.count), rows: v.count)),
                targets: .labels(v.labels), patience: stop.patience)
        }

        var rng = SeededGenerator(seed: seed)
        let model = ModelBuilder.mlp(
            inputSize: e, hiddenSizes: hiddenSizes, head: .classifier(classes: classCount),
            dropout: hiddenSizes.isEmpty ? 0 : dropout, initialisation: initialisation, seed: rng.next())
        let config = TrainingConfig(
            epochs: epochs, batchSize: batchSize, loss: .softmaxCrossEntropy(),
            optimizer: .adam(learningRate: learningRate, weightDecay: l2), seed: rng.next(), privacy: privacy,
            earlyStopping: stopping)
        let trained = try Trainer.train(
            model, inputs: Tensor(shape: [n, e], scalars: z), targets: .labels(data.labels), config: config)
        let network = try EngineNetworkModel(
            model: trained.model, encoding: encoding, standardizer: standardizer, inputShape: data.rowShape,
            classCount: classCount,
            name: "in-process \(hiddenSizes.isEmpty ? "logistic" : "MLP \(hiddenSizes)")")
        return FitReport(
            model: network, epochsTrained: trained.epochsTrained, keptEpoch: trained.keptEpoch,
            validationLoss: trained.validationLoss.map(Double.init))
    }
}
