/// ai.onnx.ml TreeEnsembleRegressor: each tree contributes the weights of the leaf a row reaches;
/// per target they are combined by `aggregate_function` (SUM, AVERAGE, MIN, MAX), `base_values`
/// are added and `post_transform` applied. Not differentiable (piecewise constant).
struct TreeEnsembleRegressorKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "TreeEnsembleRegressor"

    let node: Node
    let trees: TreeEnsemble
    let targets: Int
    let aggregate: TreeEnsemble.Aggregate
    let baseValues: [Float]
    let transform: PostTransform

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let t = try a.int("n_targets", default: 1)
        guard t >= 1, t < 1 << 24 else { throw a.invalid("n_targets", "is \(t); it must be at least 1") }
        targets = Int(t)
        aggregate = try a.choice("aggregate_function", default: TreeEnsemble.Aggregate.sum)
        baseValues = try a.floats("base_values") ?? []
        guard baseValues.isEmpty || baseValues.count == targets else {
            throw a.invalid("base_values", "has \(baseValues.count) values for \(targets) targets")
        }
        transform = try a.postTransform()
        trees = try TreeEnsemble(a, weightPrefix: "target", idLimit: targets)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try trees.input(inputs, node: node)
        let (scores, has) = trees.accumulate(x, ids: targets, aggregate: aggregate)
        let treeCount = Float(trees.roots.count)
        var y = [Float](repeating: 0, count: x.rows * targets)
        for i in 0..<y.count {
            var v = has[i] ? scores[i] : 0
            if aggregate == .average { v /= treeCount }
            y[i] = (baseValues.isEmpty ? 0 : baseValues[i % targets]) + v
        }
        transform.apply(rows: x.rows, columns: targets, &y)
        return KernelOutput(outputs: [Tensor(shape: [x.rows, targets], scalars: y)])
    }
}
