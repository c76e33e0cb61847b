/// ai.onnx.ml LinearRegressor: Y = X·Wᵀ + b with `targets` outputs per row, then `post_transform`.
/// Differentiable with respect to X.
struct LinearRegressorKernel: ClassicalMLKernel {
    static let opType = "LinearRegressor"

    let node: Node
    let affine: MLAffine
    let transform: PostTransform

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let coefficients = try a.requiredFloats("coefficients")
        let t = try a.int("targets", default: 1)
        guard t >= 1, coefficients.count % Int(t) == 0 else {
            throw a.invalid(
                "targets", "is \(t); coefficients (\(coefficients.count) values) must split into that many rows")
        }
        let targets = Int(t)
        let given = try a.floats("intercepts") ?? []
        guard given.isEmpty || given.count == targets else {
            throw a.invalid("intercepts", "has \(given.count) values for \(targets) targets")
        }
        transform = try a.postTransform()
        affine = MLAffine(coefficients: coefficients, intercepts: given, targets: targets)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try affine.input(inputs, node: node)
        var y = affine.scores(x)
        transform.apply(rows: x.rows, columns: affine.targets, &y)
        return KernelOutput(outputs: [Tensor(shape: [x.rows, affine.targets], scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let xTensor = inputs.first ?? nil, xTensor.floats != nil, let gy = outputGradients.first??.floats,
            let y = forward.outputs[0].floats
        else { return [nil] }
        let rows = forward.outputs[0].shape[0]
        let dScores = transform.backward(rows: rows, columns: affine.targets, output: y, gradient: gy)
        return [affine.inputGradient(dScores, rows: rows, like: xTensor)]
    }
}
