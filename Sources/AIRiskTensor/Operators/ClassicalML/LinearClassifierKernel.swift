/// ai.onnx.ml LinearClassifier: scores = X·Wᵀ + b, then `post_transform`; labels are the
/// highest-scoring class.
///
/// With a single score column (the binary form scikit-learn emits for some models) the class
/// labels must be two; the outputs are then `[1 − s, s]` (NONE) or `[1 − σ(s), σ(s)]` (LOGISTIC), as
/// onnxruntime computes them, and the label is the positive class when s > 0. Differentiable with
/// respect to X through the scores output.
struct LinearClassifierKernel: ClassicalMLKernel {
    static let opType = "LinearClassifier"

    let node: Node
    let affine: MLAffine
    let labels: MLClassLabels
    let transform: PostTransform

    var targets: Int { affine.targets }

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let coefficients = try a.requiredFloats("coefficients")
        labels = try MLClassLabels(a, intsName: "classlabels_ints")
        transform = try a.postTransform()
        let given = try a.floats("intercepts") ?? []
        let targets = given.isEmpty ? labels.count : given.count
        guard targets > 0, coefficients.count % targets == 0 else {
            throw a.invalid(
                "coefficients", "has \(coefficients.count) values, not a multiple of the \(targets) classes")
        }
        if targets == 1 {
            guard labels.count == 2 else {
                throw a.invalid("classlabels_ints", "must hold exactly 2 labels when there is one score column")
            }
        } else if labels.count != targets {
            throw a.invalid("classlabels_ints", "holds \(labels.count) labels for \(targets) score columns")
        }
        affine = MLAffine(coefficients: coefficients, intercepts: given, targets: targets)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try affine.input(inputs, node: node)
        var scores = affine.scores(x)
        var best = [Int](repeating: 0, count: x.rows)
        if targets == 1 {
            for r in 0..<x.rows { best[r] = scores[r] > 0 ? 1 : 0 }
            var z = [Float](repeating: 0, count: x.rows * 2)
            for r in 0..<x.rows {
                let s = scores[r]
                let p: Float
                switch transform {
                case .logistic: p = PostTransform.logistic(s)
                case .probit: p = PostTransform.probit(s)
                default: p = s
                }
                z[2 * r] = 1 - p
                z[2 * r + 1] = p
            }
            return KernelOutput(outputs: [labels.tensor(indices: best), Tensor(shape: [x.rows, 2], scalars: z)])
        }
        for r in 0..<x.rows {
            var m = scores[r * targets]
            for c in 1..<targets where scores[r * targets + c] > m {
                m = scores[r * targets + c]
                best[r] = c
            }
        }
        transform.apply(rows: x.rows, columns: targets, &scores)
        return KernelOutput(outputs: [labels.tensor(indices: best), Tensor(shape: [x.rows, targets], scalars: scores)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let xTensor = inputs.first ?? nil, xTensor.floats != nil,
            outputGradients.count > 1, let gz = outputGradients[1]?.floats,
            let z = forward.outputs[1].floats
        else { return [nil] }
        let rows = forward.outputs[1].shape[0]
        let dScores: [Float]
        if targets == 1 {
            var d = [Float](repeating: 0, count: rows)
            for r in 0..<rows {
                let diff = gz[2 * r + 1] - gz[2 * r]
                let p = z[2 * r + 1]
                switch transform {
                case .logistic: d[r] = diff * p * (1 - p)
                case .probit: d[r] = transform.backward(rows: 1, columns: 1, output: [p], gradient: [diff])[0]
                default: d[r] = diff
                }
            }
            dScores = d
        } else {
            dScores = transform.backward(rows: rows, columns: targets, output: z, gradient: gz)
        }
        return [affine.inputGradient(dScores, rows: rows, like: xTensor)]
    }
}
