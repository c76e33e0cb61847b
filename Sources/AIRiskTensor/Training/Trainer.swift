import Dispatch

/// Mini-batch training on the engine's executor: each step runs the graph forward, evaluates the
/// loss in Swift on the output, runs the reverse pass for the gradients of the parameter
/// initializers, and lets the optimiser update them. Parameters are fed as input overrides, so
/// one executor (kernels built once) serves the whole run.
///
/// Every model the tool trains goes through here: the probes' shadow, reference and evaluation
/// classifiers, the extraction surrogates (with a distillation ``TrainingObjective``) and the
/// defense retrains (dropout masks from ``TrainableModel/dropout``, DP-SGD through
/// ``TrainingConfig/privacy``).
package enum Trainer {
    /// Trains `model` on `inputs` (batch dimension first) and `targets`.
    package static func train(
        _ model: TrainableModel, inputs: Tensor, targets: Targets, config: TrainingConfig
    ) throws -> TrainingResult {
        let n = inputs.shape.first ?? 0
        guard targets.count == n else {
            throw TrainingError.countMismatch(.trainingTargets, count: targets.count, expected: n)
        }
        var rng = SeededGenerator(seed: config.seed)
        return try train(
            model, inputs: inputs, objective: TargetObjective(loss: config.loss, targets: targets), config: config,
            generator: &rng)
    }

    /// Trains `model` on `inputs` with a caller-computed objective (``TrainingConfig/loss`` is not
    /// used). Batch order, dropout masks and DP noise are drawn from `generator`, which the caller
    /// may have used before (e.g. for the initial weights), so one seeded stream can drive a run.
    package static func train(
        _ model: TrainableModel, inputs: Tensor, objective: some TrainingObjective, config: TrainingConfig,
        generator rng: inout SeededGenerator
    ) throws -> TrainingResult {
        try check(config)
        for mask in model.dropout where !(mask.rate >= 0 && mask.rate < 1) {
            throw TrainingError.invalidSetting(.dropoutRate(mask.rate, mask: mask.name))
        }
        let n = inputs.shape.first ?? 0
        guard n > 0 else { throw TrainingError.noTrainingRows }
        let executor = try Executor(graph: model.graph)
        let names = model.parameterNames
        var shapes: [[Int]] = []
        var params: [[Float]] = []
        for name in names {
            let initializer = model.graph.initializers[name]
            guard let t = initializer, let v = t.floats else {
                throw TrainingError.parameterNotTrainable(name: name, elementType: initializer?.elementKind)
            }
            shapes.append(t.shape)
            params.append(v)
        }
        let decays = shapes.map { $0.count >= 2 }
        var state = OptimizerState(sizes: params.map(\.count))
        // Dropout masks and DP noise draw from their own streams, so they leave the batch order alone.
        var dropoutRNG = model.dropout.isEmpty ? nil : rng.derived(0x6472_6f70)
        var noiseRNG = rng.derived(0x6e6f_6973)
        let batch = min(config.batchSize, n)
        let stepsPerEpoch = (n + batch - 1) / batch
        let streaming = config.minimumSteps > 0
        let totalSteps =
            streaming ? max(config.epochs * stepsPerEpoch, config.minimumSteps) : config.epochs * stepsPerEpoch
        var order = Array(0..<n)
        var cursor = n
        var history: [Float] = []
        var blockLoss: Double = 0
        var blockRows = 0
        var start = n
        var best: (epoch: Int, loss: Float, params: [[Float]])?
        var epochsTrained = 0

        for step in 0..<totalSteps {
            // The rows of this step.
            var rows: [Int]
            if streaming {
                rows = []
                rows.reserveCapacity(batch)
                while rows.count < batch {
                    if cursor >= n {
                        if config.shuffle { order.shuffle(using: &rng) }
                        cursor = 0
                    }
                    rows.append(order[cursor])
                    cursor += 1
                }
            } else {
                if start >= n {
                    if config.shuffle { order.shuffle(using: &rng) }
                    start = 0
                }
                rows = Array(order[start..<min(start + batch, n)])
                start += batch
            }
            let x = rows.count == n && rows == Array(0..<n) ? inputs : Batching.rows(inputs, rows)
            var feeds: [String: Tensor] = [model.inputName: x]
            for (i, name) in names.enumerated() {
                feeds[name] = Tensor(shape: shapes[i], storage: .float(params[i]))
            }
            if var g = dropoutRNG {
                for mask in model.dropout { feeds[mask.name] = mask.sample(rows: rows.count, using: &g) }
                dropoutRNG = g
            }
            let loss: Float
            let grads: [[Float]]
            if let privacy = config.privacy {
                (loss, grads) = try privateGradients(
                    executor, model: model, feeds: feeds, rows: rows, objective: objective, privacy: privacy,
                    sizes: params.map(\.count), generator: &noiseRNG)
            } else {
                var batchLoss: Float = 0
                let result = try executor.gradients(
                    inputs: feeds, outputName: model.outputName, withRespectTo: names
                ) { output in
                    let (value, gradient) = try objective.evaluate(output: output, rows: rows)
                    batchLoss = value
                    return gradient
                }
                loss = batchLoss
                grads = names.map { result.gradients[$0]?.floats ?? [] }
            }
            feeds = [:]
            let epoch = step / max(stepsPerEpoch, 1)
            guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch) }
            blockLoss += Double(loss) * Double(rows.count)
            blockRows += rows.count
            state.apply(
                config.optimizer, params: &params, grads: grads, decays: decays,
                rateScale: config.schedule.factor(step: step, of: totalSteps))
            if (step + 1) % stepsPerEpoch == 0 || step == totalSteps - 1 {
                history.append(Float(blockLoss / Double(max(blockRows, 1))))
                blockLoss = 0
                blockRows = 0
                epochsTrained = history.count
                if let stop = config.earlyStopping {
                    var feeds: [String: Tensor] = [model.inputName: stop.inputs]
                    for (i, name) in names.enumerated() {
                        feeds[name] = Tensor(shape: shapes[i], storage: .float(params[i]))
                    }
                    guard let output = try executor.run(inputs: feeds)[model.outputName] else {
                        throw ExecutorError.undefinedOutput(name: model.outputName)
                    }
                    let loss = try config.loss.evaluate(output: output, targets: stop.targets).loss
                    if loss < best?.loss ?? .infinity { best = (epochsTrained, loss, params) }
                    if let b = best, epochsTrained - b.epoch >= stop.patience { break }
                }
            }
        }

        var trained = model
        let kept = best?.params ?? params
        for (i, name) in names.enumerated() {
            trained.graph.initializers[name] = Tensor(shape: shapes[i], storage: .float(kept[i]))
        }
        return TrainingResult(
            model: trained, lossHistory: history, epochsTrained: epochsTrained,
            keptEpoch: best?.epoch ?? epochsTrained, validationLoss: best?.loss)
    }

    /// Throws the first setting of `config` training cannot use.
    static func check(_ config: TrainingConfig) throws {
        guard config.batchSize > 0 else { throw TrainingError.invalidSetting(.batchSize(config.batchSize)) }
        guard config.epochs >= 0 else { throw TrainingError.invalidSetting(.epochs(config.epochs)) }
        guard config.minimumSteps >= 0 else { throw TrainingError.invalidSetting(.minimumSteps(config.minimumSteps)) }
        guard let stop = config.earlyStopping else { return }
        guard stop.patience >= 1 else { throw TrainingError.invalidSetting(.earlyStoppingPatience(stop.patience)) }
        guard config.minimumSteps == 0 else { throw TrainingError.earlyStoppingWithMinimumSteps(config.minimumSteps) }
        let rows = stop.inputs.shape.first ?? 0
        guard rows > 0 else { throw TrainingError.noEarlyStoppingRows }
        guard stop.targets.count == rows else {
            throw TrainingError.countMismatch(.validationTargets, count: stop.targets.count, expected: rows)
        }
    }

    /// DP-SGD's gradient (Abadi et al. 2016): every row's gradient is computed on its own, clipped
    /// to L2 norm `clipNorm`, the clipped gradients are summed, Gaussian noise of standard deviation
    /// `noiseMultiplier × clipNorm` is added to every coordinate, and the sum is divided by the batch
    /// size. The objective sees one row at a time, so its mean is that row's loss.
    static func privateGradients(
        _ executor: Executor, model: TrainableModel, feeds: [String: Tensor], rows: [Int],
        objective: some TrainingObjective, privacy: GradientPrivacy, sizes: [Int], generator rng: inout SeededGenerator
    ) throws -> (loss: Float, gradients: [[Float]]) {
        let names = model.parameterNames
        guard let x = feeds[model.inputName] else {
            throw ExecutorError.missingInput(name: model.inputName)
        }
        var sums = sizes.map { [Float](repeating: 0, count: $0) }
        var total: Double = 0
        for (k, row) in rows.enumerated() {
            var single = feeds
            single[model.inputName] = Batching.rows(x, [k])
            for mask in model.dropout {
                if let m = feeds[mask.name], m.shape.first == rows.count { single[mask.name] = Batching.rows(m, [k]) }
            }
            var rowLoss: Float = 0
            let result = try executor.gradients(
                inputs: single, outputName: model.outputName, withRespectTo: names
            ) { output in
                let (value, gradient) = try objective.evaluate(output: output, rows: [row])
                rowLoss = value
                return gradient
            }
            total += Double(rowLoss)
            var g: [[Float]] = []
            for (p, name) in names.enumerated() {
                guard let v = result.gradients[name]?.floats, v.count == sizes[p] else {
                    throw TrainingError.gradientMismatch(
                        parameter: name, count: result.gradients[name]?.floats?.count, expected: sizes[p])
                }
                g.append(v)
            }
            var norm2: Float = 0
            for p in g where !p.isEmpty {
                p.withUnsafeBufferPointer { v in norm2 += BLAS.dot(v.baseAddress!, v.baseAddress!, count: v.count) }
            }
            let norm = norm2.squareRoot()
            let factor = norm > privacy.clipNorm ? privacy.clipNorm / norm : 1
            for p in g.indices where !g[p].isEmpty {
                g[p].withUnsafeBufferPointer { v in
                    sums[p].withUnsafeMutableBufferPointer { s in
                        BLAS.axpy(factor, v.baseAddress!, s.baseAddress!, count: v.count)
                    }
                }
            }
        }
        let inverseBatch = 1 / Float(rows.count)
        let noise = privacy.noiseMultiplier * privacy.clipNorm
        for p in sums.indices {
            sums[p].withUnsafeMutableBufferPointer { s in
                for i in 0..<s.count { s[i] = (s[i] + noise * rng.nextGaussian()) * inverseBatch }
            }
        }
        return (Float(total / Double(max(rows.count, 1))), sums)
    }

    /// Trains independent jobs concurrently across cores. Each job depends only on its own model,
    /// data and seed, so the results equal those of training the jobs one after another, in order.
    package static func trainInParallel(_ jobs: [TrainingJob]) throws -> [TrainingResult] {
        let box = ResultSlots<Result<TrainingResult, any Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            box.set(i, Result { try train(job.model, inputs: job.inputs, targets: job.targets, config: job.config) })
        }
        return try box.values.enumerated().map { index, slot in
            guard let slot else { throw TrainingError.unfinishedJob(index: index) }
            return try slot.get()
        }
    }

    /// The async form of ``trainInParallel(_:)``, as a task group.
    package static func trainInParallel(_ jobs: [TrainingJob]) async throws -> [TrainingResult] {
        try await withThrowingTaskGroup(of: (Int, TrainingResult).self) { group in
            for (i, job) in jobs.enumerated() {
                group.addTask {
                    (i, try train(job.model, inputs: job.inputs, targets: job.targets, config: job.config))
                }
            }
            var results = [TrainingResult?](repeating: nil, count: jobs.count)
            for try await (i, r) in group { results[i] = r }
            return results.compactMap { $0 }
        }
    }

    /// The fraction of rows whose highest-scoring output column equals the label.
    package static func accuracy(_ model: TrainableModel, inputs: Tensor, labels: [Int]) throws -> Float {
        let y = try model.predict(inputs)
        guard let v = y.floats else {
            throw TrainingError.elementTypeMismatch(.modelOutput, supplied: y.elementKind, expected: .float)
        }
        guard y.rank == 2 else {
            throw TrainingError.shapeMismatch(.modelOutput, shape: y.shape, expected: [nil, nil])
        }
        guard y.shape[0] == labels.count else {
            throw TrainingError.countMismatch(.labels, count: labels.count, expected: y.shape[0])
        }
        let c = y.shape[1]
        var correct = 0
        for i in labels.indices {
            var best = 0
            for j in 1..<max(c, 1) where v[i * c + j] > v[i * c + best] { best = j }
            if best == labels[i] { correct += 1 }
        }
        return Float(correct) / Float(max(labels.count, 1))
    }
}
