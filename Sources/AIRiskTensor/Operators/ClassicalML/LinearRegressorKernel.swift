/// ai.onnx.ml LinearRegressor: Y = X·Wᵀ + b with `targets` outputs per row, then `post_transform`.
/// Differentiable with respect to X.
struct LinearRegressorKernel: Kernel {
    static let opType = "LinearRegressor"
    static let domain = "ai.onnx.ml"
    static let isDifferentiable = true

    let node: Node
    let coefficients: [Float]
    let intercepts: [Float]
    let transform: PostTransform
    let targets: Int
    let features: Int

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        guard let coefficients = try a.floats("coefficients"), !coefficients.isEmpty else {
            throw a.missing("coefficients")
        }
        let t = try a.int("targets", default: 1)
        guard t >= 1, coefficients.count % Int(t) == 0 else {
            throw a.invalid(
                "targets", "is \(t); coefficients (\(coefficients.count) values) must split into that many rows")
        }
        targets = Int(t)
        let given = try a.floats("intercepts") ?? []
        guard given.isEmpty || given.count == targets else {
            throw a.invalid("intercepts", "has \(given.count) values for \(targets) targets")
        }
        transform = try a.postTransform()
        self.coefficients = coefficients
        self.intercepts = given.isEmpty ? [Float](repeating: 0, count: targets) : given
        features = coefficients.count / targets
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        guard x.columns == features else {
            throw ClassicalMLError.invalidInput(
                node: node.name, opType: Self.opType,
                reason: "input X has \(x.columns) features; the model expects \(features)")
        }
        var y = MLMatrix.affine(
            x.values, rows: x.rows, k: features, weights: coefficients, n: targets, bias: intercepts)
        transform.apply(rows: x.rows, columns: targets, &y)
        return KernelOutput(outputs: [Tensor(shape: [x.rows, targets], scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let xTensor = inputs.first ?? nil, xTensor.floats != nil, let gy = outputGradients.first??.floats,
            let y = forward.outputs[0].floats
        else { return [nil] }
        let rows = forward.outputs[0].shape[0]
        let dScores = transform.backward(rows: rows, columns: targets, output: y, gradient: gy)
        let dx = MLMatrix.backAffine(dScores, rows: rows, n: targets, weights: coefficients, k: features)
        return [Tensor(shape: xTensor.shape, scalars: dx)]
    }
}
