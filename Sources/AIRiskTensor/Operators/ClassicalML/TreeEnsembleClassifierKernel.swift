/// ai.onnx.ml TreeEnsembleClassifier: per class, the sum of the weights of the leaves a row
/// reaches, plus `base_values`; the label is the best class and the scores go through
/// `post_transform`. Not differentiable (piecewise constant).
///
/// Two-class models follow onnxruntime. When the weights name a single class (scikit-learn's
/// binary form, one probability column), that column s is the positive class's score: the label is
/// positive when s > 0.5 (all weights non-negative) or s > 0 (mixed signs), and the scores are
/// `[1 − s, s]`, or `[σ(−s), σ(s)]` / `[−s, s]` for mixed-sign weights. When both classes carry
/// weights the model is treated as a two-class multiclass model (best score wins), which is what
/// the ONNX specification describes.
struct TreeEnsembleClassifierKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "TreeEnsembleClassifier"

    let node: Node
    let trees: TreeEnsemble
    let labels: MLClassLabels
    let classes: Int
    let baseValues: [Float]
    let transform: PostTransform
    /// Two classes, weights on only one class id.
    let singleColumnBinary: Bool

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        labels = try MLClassLabels(a, intsName: "classlabels_int64s")
        classes = labels.count
        guard classes >= 2 else {
            throw a.invalid("classlabels_int64s", "holds \(classes) labels; a classifier needs at least 2")
        }
        baseValues = try a.floats("base_values") ?? []
        guard baseValues.isEmpty || baseValues.count == classes || (classes == 2 && baseValues.count == 1) else {
            throw a.invalid("base_values", "has \(baseValues.count) values for \(classes) classes")
        }
        transform = try a.postTransform()
        trees = try TreeEnsemble(a, weightPrefix: "class", idLimit: classes)
        singleColumnBinary = classes == 2 && trees.weightIds.count == 1
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try trees.input(inputs, node: node)
        let (scores, flags) = trees.accumulate(x, ids: classes, aggregate: .sum)
        // A float64 input: the class is chosen on float64 sums, as onnxruntime does (a 15-15 vote of a 30-tree
        // forest can sum to 0.5000000001 in float64 and exactly 0.5 in float32).
        let doubleScores = x.doubles != nil ? trees.accumulateDouble(x, ids: classes, aggregate: .sum).scores : nil
        var z = [Float](repeating: 0, count: x.rows * classes)
        var best = [Int](repeating: 0, count: x.rows)
        var score = [Float](repeating: 0, count: classes)
        var has = [Bool](repeating: false, count: classes)
        for r in 0..<x.rows {
            let out = r * classes
            for c in 0..<classes {
                score[c] = scores[out + c]
                has[c] = flags[out + c]
            }
            if singleColumnBinary {
                best[r] = binary(&score, &has, into: &z, at: out)
                if let doubleScores { best[r] = doubleBinaryLabel(Array(doubleScores[out..<(out + classes)]), has) }
                continue
            }
            if baseValues.count == classes {
                for c in 0..<classes {
                    score[c] += baseValues[c]
                    has[c] = true
                }
            }
            var m: Float = 0
            var at = -1
            for c in 0..<classes where has[c] && (at < 0 || score[c] > m) {
                m = score[c]
                at = c
            }
            best[r] = max(at, 0)
            if let doubleScores {
                var top = 0.0
                at = -1
                for c in 0..<classes where has[c] {
                    let v = doubleScores[out + c] + (baseValues.count == classes ? Double(baseValues[c]) : 0)
                    if at < 0 || v > top { (top, at) = (v, c) }
                }
                best[r] = max(at, 0)
            }
            for c in 0..<classes { z[out + c] = score[c] }
        }
        if !singleColumnBinary { transform.apply(rows: x.rows, columns: classes, &z) }
        return KernelOutput(outputs: [labels.tensor(indices: best), Tensor(shape: [x.rows, classes], scalars: z)])
    }

    /// ``binary(_:_:into:at:)``'s label from float64 sums (`has` as that function left it).
    private func doubleBinaryLabel(_ raw: [Double], _ has: [Bool]) -> Int {
        var score = raw
        if baseValues.count == 2 {
            if has[1] {
                score[1] = Double(baseValues[1]) + score[0]
            } else {
                score[1] += Double(baseValues[1])
                score[0] += Double(baseValues[0])
            }
        } else if baseValues.count == 1 {
            score[0] += Double(baseValues[0])
        }
        let twoColumns = has[1] || baseValues.count == 2
        let positive = (twoColumns && has[1]) ? score[1] : (has[0] ? score[0] : 0)
        return (trees.allWeightsNonNegative ? positive > 0.5 : positive > 0) ? 1 : 0
    }

    /// The single-weight-column two-class case, as onnxruntime computes it; returns the class index.
    private func binary(_ score: inout [Float], _ has: inout [Bool], into z: inout [Float], at out: Int) -> Int {
        var columns = 2
        if baseValues.count == 2 {
            if has[1] {
                score[1] = baseValues[1] + score[0]
                score[0] = -score[1]
            } else {
                score[1] += baseValues[1]
                score[0] += baseValues[0]
            }
        } else {
            if baseValues.count == 1 { score[0] += baseValues[0] }
            if !has[1] { columns = 1 }
        }
        let positive = (columns == 2 && has[1]) ? score[1] : (has[0] ? score[0] : 0)
        let label: Int
        let positiveWins: Bool
        if trees.allWeightsNonNegative {
            positiveWins = positive > 0.5
        } else {
            positiveWins = positive > 0
        }
        label = positiveWins ? 1 : 0
        if columns == 2 {
            var pair = [score[0], score[1]]
            transform.apply(rows: 1, columns: 2, &pair)
            z[out] = pair[0]
            z[out + 1] = pair[1]
            return label
        }
        let s = score[0]
        switch (transform, trees.allWeightsNonNegative) {
        case (.probit, _):
            let p = PostTransform.probit(s)
            z[out] = 1 - p
            z[out + 1] = p
        case (_, true):
            z[out] = 1 - s
            z[out + 1] = s
        case (.logistic, false):
            z[out] = PostTransform.logistic(-s)
            z[out + 1] = PostTransform.logistic(s)
        case (_, false):
            if positiveWins {
                z[out] = -s
                z[out + 1] = s
            } else {
                z[out] = s
                z[out + 1] = -s
            }
        }
        return label
    }
}
