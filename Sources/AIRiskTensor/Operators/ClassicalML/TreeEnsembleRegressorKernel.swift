/// ai.onnx.ml TreeEnsembleRegressor: each tree contributes the weights of the leaf a row reaches;
/// per target they are combined by `aggregate_function` (SUM, AVERAGE, MIN, MAX), `base_values`
/// are added and `post_transform` applied. Not differentiable (piecewise constant).
struct TreeEnsembleRegressorKernel: Kernel {
    static let opType = "TreeEnsembleRegressor"
    static let domain = "ai.onnx.ml"
    static let isDifferentiable = false

    enum Aggregate: String { case sum = "SUM", average = "AVERAGE", min = "MIN", max = "MAX" }

    let node: Node
    let trees: TreeEnsemble
    let targets: Int
    let aggregate: Aggregate
    let baseValues: [Float]
    let transform: PostTransform

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let t = try a.int("n_targets", default: 1)
        guard t >= 1, t < 1 << 24 else { throw a.invalid("n_targets", "is \(t); it must be at least 1") }
        targets = Int(t)
        let name = try a.string("aggregate_function", default: "SUM")
        guard let agg = Aggregate(rawValue: name) else {
            throw a.invalid("aggregate_function", "is '\(name)'; expected SUM, AVERAGE, MIN or MAX")
        }
        aggregate = agg
        baseValues = try a.floats("base_values") ?? []
        guard baseValues.isEmpty || baseValues.count == targets else {
            throw a.invalid("base_values", "has \(baseValues.count) values for \(targets) targets")
        }
        transform = try a.postTransform()
        trees = try TreeEnsemble(a, weightPrefix: "target", idLimit: targets)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        guard x.columns >= trees.featureCount else {
            throw ClassicalMLError.invalidInput(
                node: node.name, opType: Self.opType,
                reason: "input X has \(x.columns) features; the trees read feature \(trees.featureCount - 1)")
        }
        var y = [Float](repeating: 0, count: x.rows * targets)
        var score = [Float](repeating: 0, count: targets)
        var has = [Bool](repeating: false, count: targets)
        let treeCount = Float(trees.roots.count)
        x.values.withUnsafeBufferPointer { row in
            for r in 0..<x.rows {
                for t in 0..<targets {
                    score[t] = 0
                    has[t] = false
                }
                for root in trees.roots {
                    let leaf = trees.leaf(root: root, row: row, base: r &* x.columns)
                    for k in trees.weightStart[leaf]..<trees.weightStart[leaf + 1] {
                        let t = trees.weightTargets[k]
                        let w = trees.weightValues[k]
                        switch aggregate {
                        case .sum, .average: score[t] += w
                        case .min: score[t] = has[t] ? Swift.min(score[t], w) : w
                        case .max: score[t] = has[t] ? Swift.max(score[t], w) : w
                        }
                        has[t] = true
                    }
                }
                for t in 0..<targets {
                    var v = has[t] ? score[t] : 0
                    if aggregate == .average { v /= treeCount }
                    y[r * targets + t] = (baseValues.isEmpty ? 0 : baseValues[t]) + v
                }
            }
        }
        transform.apply(rows: x.rows, columns: targets, &y)
        return KernelOutput(outputs: [Tensor(shape: [x.rows, targets], scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        throw ClassicalMLError.invalidInput(
            node: node.name, opType: Self.opType, reason: "tree ensembles are not differentiable")
    }
}
