import Dispatch

/// Mini-batch training on the engine's executor: each step runs the graph forward, evaluates the
/// loss in Swift on the output, runs the reverse pass for the gradients of the parameter
/// initializers, and lets the optimiser update them. Parameters are fed as input overrides, so
/// one executor (kernels built once) serves the whole run.
public enum Trainer {
    /// Trains `model` on `inputs` (batch dimension first) and `targets`.
    public static func train(
        _ model: TrainableModel, inputs: Tensor, targets: Targets, config: TrainingConfig
    ) throws -> TrainingResult {
        guard config.batchSize > 0, config.epochs >= 0 else {
            throw TrainingError.invalidConfiguration("batch size must be positive and epochs non-negative")
        }
        let n = inputs.shape.first ?? 0
        guard n > 0 else { throw TrainingError.invalidData("no training rows") }
        guard targets.count == n else {
            throw TrainingError.invalidData("\(n) input rows but \(targets.count) targets")
        }
        let executor = try Executor(graph: model.graph)
        let names = model.parameterNames
        var shapes: [[Int]] = []
        var params: [[Float]] = []
        for name in names {
            guard let t = model.graph.initializers[name], let v = t.floats else {
                throw TrainingError.invalidConfiguration("parameter '\(name)' is not a float initializer")
            }
            shapes.append(t.shape)
            params.append(v)
        }
        let decays = shapes.map { $0.count >= 2 }
        var state = OptimizerState(sizes: params.map(\.count))
        var rng = SeededGenerator(seed: config.seed)
        var order = Array(0..<n)
        var history: [Float] = []

        for epoch in 0..<config.epochs {
            if config.shuffle { order.shuffle(using: &rng) }
            var epochLoss: Double = 0
            var start = 0
            while start < n {
                let batch = Array(order[start..<min(start + config.batchSize, n)])
                start += config.batchSize
                let x = config.shuffle || batch.count != n ? Batching.rows(inputs, batch) : inputs
                let y = targets.rows(batch)
                var feeds: [String: Tensor] = [model.inputName: x]
                for (i, name) in names.enumerated() {
                    feeds[name] = Tensor(shape: shapes[i], storage: .float(params[i]))
                }
                var batchLoss: Float = 0
                let result = try executor.gradients(inputs: feeds, outputName: model.outputName, withRespectTo: names) {
                    output in
                    let (loss, gradient) = try config.loss.evaluate(output: output, targets: y)
                    batchLoss = loss
                    return gradient
                }
                feeds = [:]
                guard batchLoss.isFinite else { throw TrainingError.diverged(epoch: epoch) }
                epochLoss += Double(batchLoss) * Double(batch.count)
                let grads = names.map { result.gradients[$0]?.floats ?? [] }
                state.apply(config.optimizer, params: &params, grads: grads, decays: decays)
            }
            history.append(Float(epochLoss / Double(n)))
        }

        var trained = model
        for (i, name) in names.enumerated() {
            trained.graph.initializers[name] = Tensor(shape: shapes[i], storage: .float(params[i]))
        }
        return TrainingResult(model: trained, lossHistory: history)
    }

    /// Trains independent jobs concurrently across cores. Each job depends only on its own model,
    /// data and seed, so the results equal those of training the jobs one after another, in order.
    public static func trainInParallel(_ jobs: [TrainingJob]) throws -> [TrainingResult] {
        let box = ResultSlots<Result<TrainingResult, any Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            box.set(i, Result { try train(job.model, inputs: job.inputs, targets: job.targets, config: job.config) })
        }
        return try box.values.map { slot in
            guard let slot else { throw TrainingError.invalidConfiguration("a parallel job did not finish") }
            return try slot.get()
        }
    }

    /// The async form of ``trainInParallel(_:)``, as a task group.
    public static func trainInParallel(_ jobs: [TrainingJob]) async throws -> [TrainingResult] {
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
    public static func accuracy(_ model: TrainableModel, inputs: Tensor, labels: [Int]) throws -> Float {
        let y = try model.predict(inputs)
        guard let v = y.floats, y.rank == 2, y.shape[0] == labels.count else {
            throw TrainingError.invalidData("predictions of shape \(y.shape) do not match \(labels.count) labels")
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
