import Testing

@testable import AIRiskTensor

/// Every ``TrainingError`` names the values involved and says what would be accepted.
@Suite("Training errors")
struct TrainingErrorTests {
    let model = ModelBuilder.logisticRegression(inputSize: 2, classes: 3, seed: 1)
    let inputs = Tensor(shape: [4, 2], scalars: [0, 1, 1, 0, 1, 1, 0, 0])
    let labels = Targets.labels([0, 1, 2, 0])
    let logits = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])

    /// Checks that `body` throws `expected` and that its message contains every one of `parts`.
    func expect(
        _ expected: TrainingError, naming parts: [String], sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        let error = #expect(throws: TrainingError.self, sourceLocation: sourceLocation, performing: body)
        #expect(error == expected, sourceLocation: sourceLocation)
        expect(error?.description ?? "", naming: parts, sourceLocation: sourceLocation)
    }

    /// Checks that `text` contains every one of `parts`.
    func expect(_ text: String, naming parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for part in parts { #expect(text.contains(part), "\(text)", sourceLocation: sourceLocation) }
    }

    func train(_ config: TrainingConfig, model: TrainableModel? = nil, inputs: Tensor? = nil) throws {
        _ = try Trainer.train(model ?? self.model, inputs: inputs ?? self.inputs, targets: labels, config: config)
    }

    func stopping(rows: Int, targets: Int = -1, patience: Int = 2) -> EarlyStopping {
        EarlyStopping(
            inputs: Tensor(shape: [rows, 2], scalars: Array(repeating: 0, count: rows * 2)),
            targets: .labels(Array(repeating: 0, count: targets < 0 ? rows : targets)), patience: patience)
    }

    @Test("A setting out of range names the setting, its value and the requirement")
    func invalidSetting() throws {
        expect(.invalidSetting(.batchSize(0)), naming: ["batch size is 0", "must be at least 1"]) {
            try train(TrainingConfig(epochs: 1, batchSize: 0))
        }
        expect(.invalidSetting(.epochs(-1)), naming: ["epochs is -1", "must be 0 or more"]) {
            try train(TrainingConfig(epochs: -1))
        }
        expect(.invalidSetting(.minimumSteps(-3)), naming: ["minimum steps is -3", "must be 0 or more"]) {
            try train(TrainingConfig(epochs: 1, minimumSteps: -3))
        }
        expect(.invalidSetting(.earlyStoppingPatience(0)), naming: ["patience is 0", "must be at least 1"]) {
            try train(TrainingConfig(epochs: 1, earlyStopping: stopping(rows: 2, patience: 0)))
        }
        var dropped = model
        dropped.dropout = [DropoutMask(name: "mask1", width: 3, rate: 1.5)]
        expect(
            .invalidSetting(.dropoutRate(1.5, mask: "mask1")),
            naming: ["dropout rate of mask 'mask1' is 1.5", "must lie in [0, 1)"]
        ) { try train(TrainingConfig(epochs: 1), model: dropped) }
        expect(.invalidSetting(.temperature(0)), naming: ["softmax temperature is 0.0", "must be positive"]) {
            _ = try Loss.softmaxCrossEntropy(temperature: 0).evaluate(output: logits, targets: .labels([0, 1]))
        }
    }

    @Test("Early stopping with a minimum step count names the count and both ways out")
    func earlyStoppingWithMinimumSteps() {
        expect(
            .earlyStoppingWithMinimumSteps(5),
            naming: ["minimum steps is 5", "set minimum steps to 0 or turn early stopping off"]
        ) { try train(TrainingConfig(epochs: 1, minimumSteps: 5, earlyStopping: stopping(rows: 2))) }
    }

    @Test("No rows names which rows are missing")
    func noRows() {
        expect(.noTrainingRows, naming: ["no training rows", "at least one row"]) {
            _ = try Trainer.train(
                model, inputs: Tensor(shape: [0, 2], scalars: []), targets: .labels([]),
                config: TrainingConfig(epochs: 1))
        }
        expect(.noEarlyStoppingRows, naming: ["no held-out rows for early stopping", "turn early stopping off"]) {
            try train(TrainingConfig(epochs: 1, earlyStopping: stopping(rows: 0)))
        }
    }

    @Test("Counts that disagree are both named")
    func countMismatch() {
        expect(.countMismatch(.trainingTargets, count: 3, expected: 4), naming: ["3 targets for 4 input rows"]) {
            _ = try Trainer.train(
                model, inputs: inputs, targets: .labels([0, 1, 2]), config: TrainingConfig(epochs: 1))
        }
        expect(
            .countMismatch(.validationTargets, count: 1, expected: 2),
            naming: ["1 early-stopping targets for 2 held-out input rows", "one target per input row"]
        ) { try train(TrainingConfig(epochs: 1, earlyStopping: stopping(rows: 2, targets: 1))) }
        expect(.countMismatch(.batchTargets, count: 1, expected: 2), naming: ["1 targets for 2 output rows"]) {
            _ = try Loss.softmaxCrossEntropy().evaluate(output: logits, targets: .labels([0]))
        }
        expect(
            .countMismatch(.regressionValues, count: 4, expected: 6),
            naming: ["4 regression target values for 6 output values", "shape the targets like the model output"]
        ) {
            _ = try Loss.meanSquaredError.evaluate(
                output: logits, targets: .values(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])))
        }
        expect(.countMismatch(.labels, count: 3, expected: 4), naming: ["3 labels for 4 prediction rows"]) {
            _ = try Trainer.accuracy(model, inputs: inputs, labels: [0, 1, 2])
        }
    }

    @Test("A wrong shape is named with the expected one")
    func shapeMismatch() {
        expect(
            .shapeMismatch(.modelOutput, shape: [2], expected: [nil, nil]),
            naming: ["the model output has shape [2], expected [?, ?]", "float32 matrix"]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: Tensor(vector: [1, 2]), targets: .labels([0, 1])) }
        let soft = Tensor(shape: [2, 2], scalars: [0.5, 0.5, 1, 0])
        expect(
            .shapeMismatch(.classDistributions, shape: [2, 2], expected: [2, 3]),
            naming: [
                "class-distribution target tensor has shape [2, 2], expected [2, 3]", "as wide as the model output",
            ]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: logits, targets: .distributions(soft)) }
    }

    @Test("A wrong element type is named with the expected one")
    func elementTypeMismatch() {
        let ints = Tensor(shape: [2, 3], int64: [1, 2, 3, 4, 5, 6])
        expect(
            .elementTypeMismatch(.modelOutput, supplied: .int64, expected: .float),
            naming: ["the model output holds int64 elements, expected float32"]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: ints, targets: .labels([0, 1])) }
        expect(
            .elementTypeMismatch(.classDistributions, supplied: .int64, expected: .float),
            naming: ["class-distribution target tensor holds int64 elements, expected float32"]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: logits, targets: .distributions(ints)) }
        expect(
            .elementTypeMismatch(.regressionValues, supplied: .int64, expected: .float),
            naming: ["regression target tensor holds int64 elements, expected float32", "give float32 values"]
        ) { _ = try Loss.meanSquaredError.evaluate(output: logits, targets: .values(ints)) }
    }

    @Test("A label out of range names the label, its row and the class count")
    func labelOutOfRange() {
        expect(
            .labelOutOfRange(label: 3, row: 1, classes: 3),
            naming: ["label 3 in row 1 is outside 0..<3", "below the model's 3 outputs"]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: logits, targets: .labels([0, 3])) }
    }

    @Test("Targets a loss cannot use name the loss, what it needs and what it got")
    func unsupportedTargets() {
        expect(
            .unsupportedTargets(.softmaxCrossEntropy(), supplied: .values),
            naming: ["softmax cross-entropy needs labels or class distributions, got regression values"]
        ) { _ = try Loss.softmaxCrossEntropy().evaluate(output: logits, targets: .values(logits)) }
        expect(
            .unsupportedTargets(.meanSquaredError, supplied: .labels),
            naming: ["mean squared error needs regression values, got labels", "use softmax cross-entropy"]
        ) { _ = try Loss.meanSquaredError.evaluate(output: logits, targets: .labels([0, 1])) }
    }

    @Test("A parameter that cannot be trained is named with what it is")
    func parameterNotTrainable() {
        var missing = model
        missing.parameterNames.append("nowhere")
        expect(
            .parameterNotTrainable(name: "nowhere", elementType: nil),
            naming: ["parameter 'nowhere' is not an initializer of the graph"]
        ) { try train(TrainingConfig(epochs: 1), model: missing) }
        var integer = model
        integer.graph.initializers["steps"] = Tensor(shape: [1], int64: [1])
        integer.parameterNames.append("steps")
        expect(
            .parameterNotTrainable(name: "steps", elementType: .int64),
            naming: ["parameter 'steps' is an initializer of type int64", "only float32 initializers"]
        ) { try train(TrainingConfig(epochs: 1), model: integer) }
    }

    @Test("Internal failures name the parameter, counts or job")
    func internalFailures() {
        expect(
            TrainingError.gradientMismatch(parameter: "W", count: nil, expected: 6).description,
            naming: ["no gradient for parameter 'W'"])
        expect(
            TrainingError.gradientMismatch(parameter: "W", count: 4, expected: 6).description,
            naming: ["parameter 'W' has 4 values, expected 6"])
        expect(TrainingError.unfinishedJob(index: 2).description, naming: ["job 2 of a parallel run"])
    }
}
