/// ai.onnx.ml SVMClassifier, as onnxruntime computes it.
///
/// With support vectors (`vectors_per_class`) it is libsvm's one-vs-one machine: each pair of
/// classes (i, j) scores Σ coefficients · K(x, sv) over both classes' vectors plus rho, and votes
/// for i when the score is positive. The label is the class with most votes (first on ties). The
/// scores output holds, without `prob_a`/`prob_b`, the pairwise scores (two columns [−s, s] for two
/// classes), and with them libsvm's pairwise-coupled Platt probabilities, one column per class.
/// Without support vectors it is linear: one score x·w_c + rho[0] per class. `post_transform`
/// applies to the scores. Not differentiable.
struct SVMClassifierKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "SVMClassifier"

    let node: Node
    let kernel: SVMKernelFunction
    let labels: MLClassLabels
    let supportVectors: [Float]
    let coefficients: [Float]
    let rho: [Float]
    let probA: [Float]
    let probB: [Float]
    let vectorsPerClass: [Int]
    let startingVector: [Int]
    let vectorCount: Int
    let classCount: Int
    let features: Int
    let transform: PostTransform
    let weightsArePositive: Bool

    var isSVC: Bool { vectorCount > 0 }
    var pairCount: Int { classCount * (classCount - 1) / 2 }
    var hasProbabilities: Bool { !probA.isEmpty }

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        var k = try SVMKernelFunction(a)
        labels = try MLClassLabels(a, intsName: "classlabels_ints")
        classCount = labels.count
        guard classCount > 0 else { throw a.missing("classlabels_ints") }
        let coefficients = try a.requiredFloats("coefficients")
        let rho = try a.requiredFloats("rho")
        probA = try a.floats("prob_a") ?? []
        probB = try a.floats("prob_b") ?? []
        guard probA.count == probB.count else { throw a.invalid("prob_a", "and prob_b have different lengths") }
        supportVectors = try a.floats("support_vectors") ?? []
        let perClass = try (a.int64s("vectors_per_class") ?? []).map { Int($0) }
        guard perClass.allSatisfy({ $0 >= 0 }) else { throw a.invalid("vectors_per_class", "has a negative count") }
        var start: [Int] = []
        var total = 0
        for n in perClass {
            start.append(total)
            total += n
        }
        vectorsPerClass = perClass
        startingVector = start
        vectorCount = total
        let pairs = classCount * (classCount - 1) / 2
        if total > 0 {
            guard perClass.count == classCount else {
                throw a.invalid("vectors_per_class", "has \(perClass.count) entries for \(classCount) classes")
            }
            guard supportVectors.count % total == 0 else {
                throw a.invalid("support_vectors", "holds \(supportVectors.count) values, not a multiple of \(total)")
            }
            features = supportVectors.count / total
            guard coefficients.count >= (classCount - 1) * total else {
                throw a.invalid(
                    "coefficients", "holds \(coefficients.count) values; expected \((classCount - 1) * total)")
            }
            guard rho.count >= pairs else { throw a.invalid("rho", "holds \(rho.count) values for \(pairs) pairs") }
            guard probA.isEmpty || probA.count >= pairs else {
                throw a.invalid("prob_a", "holds \(probA.count) values for \(pairs) pairs")
            }
        } else {
            guard coefficients.count % classCount == 0 else {
                throw a.invalid("coefficients", "holds \(coefficients.count) values for \(classCount) classes")
            }
            features = coefficients.count / classCount
            k.kind = .linear
        }
        kernel = k
        self.coefficients = coefficients
        self.rho = rho
        transform = try a.postTransform()
        weightsArePositive = coefficients.allSatisfy { $0 >= 0 }
    }

    /// Columns of the scores output.
    var scoreColumns: Int {
        if isSVC && !hasProbabilities { return classCount > 2 ? pairCount : 2 }
        return classCount
    }

    /// ([N], [N, scoreColumns]); overflow-checked.
    func outputShapes(rows: Int) -> ([Int], [Int])? {
        Shape.checkedCount([rows, scoreColumns]) == nil ? nil : ([rows], [rows, scoreColumns])
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs, node: node, features: features, emptyAllowed: true)
        guard let (labelShape, scoreShape) = outputShapes(rows: x.rows) else {
            throw inputError("output is too large")
        }
        let columns = scoreColumns
        var scores = [Float](repeating: 0, count: x.rows * columns)
        var chosen = [Int](repeating: 0, count: x.rows)
        if isSVC {
            let kv = kernel.evaluate(x.values, rows: x.rows, supportVectors, n: vectorCount, k: features, c: 0)
            for r in 0..<x.rows {
                let (pairScores, votes) = oneVersusOne(Array(kv[(r * vectorCount)..<((r + 1) * vectorCount)]))
                var best = 0
                for c in 1..<max(classCount, 1) where votes[c] > votes[best] { best = c }
                var row: [Float]
                if hasProbabilities {
                    row = probabilities(pairScores)
                } else if classCount > 2 {
                    row = pairScores
                } else {
                    let s = pairScores.first ?? 0
                    row = transform == .none ? [-s, s] : [1 - s, s]
                }
                chosen[r] = chooseBinary(maxWeight: 0, best: best)
                transformRow(&row, rawBinary: !hasProbabilities && classCount <= 2, raw: pairScores.first ?? 0)
                for c in 0..<columns { scores[r * columns + c] = row[c] }
            }
        } else {
            let raw = kernel.evaluate(x.values, rows: x.rows, coefficients, n: classCount, k: features, c: rho[0])
            for r in 0..<x.rows {
                var row = Array(raw[(r * classCount)..<((r + 1) * classCount)])
                var best = 0
                for c in 1..<classCount where row[c] > row[best] { best = c }
                chosen[r] = chooseBinary(maxWeight: row[best], best: best)
                transformRow(&row, rawBinary: false, raw: 0)
                for c in 0..<columns { scores[r * columns + c] = row[c] }
            }
        }
        var labelTensor = labels.tensor(indices: chosen)
        labelTensor.shape = labelShape
        return KernelOutput(outputs: [labelTensor, Tensor(shape: scoreShape, scalars: scores)])
    }

    /// onnxruntime's label choice: for two classes without probabilities a positive score picks the
    /// second class; otherwise the best class.
    func chooseBinary(maxWeight: Float, best: Int) -> Int {
        guard classCount == 2, !hasProbabilities else { return best }
        if weightsArePositive && maxWeight >= 0.5 { return 1 }
        if maxWeight > 0 && !weightsArePositive { return 1 }
        return best
    }

    func transformRow(_ row: inout [Float], rawBinary: Bool, raw: Float) {
        if rawBinary {
            if transform == .probit { row = [PostTransform.probit(raw), 0] }
            return
        }
        transform.apply(rows: 1, columns: row.count, &row)
    }

    /// The pairwise scores (i < j, row-major) and each class's votes, from one row's kernel values.
    func oneVersusOne(_ k: [Float]) -> ([Float], [Int]) {
        var scores: [Float] = []
        scores.reserveCapacity(pairCount)
        var votes = [Int](repeating: 0, count: classCount)
        var pair = 0
        for i in 0..<(classCount - 1) {
            for j in (i + 1)..<classCount {
                var sum = 0.0
                let rowJ = vectorCount * (j - 1)
                for m in 0..<vectorsPerClass[i] {
                    sum += Double(coefficients[rowJ + startingVector[i] + m] * k[startingVector[i] + m])
                }
                let rowI = vectorCount * i
                for m in 0..<vectorsPerClass[j] {
                    sum += Double(coefficients[rowI + startingVector[j] + m] * k[startingVector[j] + m])
                }
                sum += Double(rho[pair])
                pair += 1
                scores.append(Float(sum))
                votes[sum > 0 ? i : j] += 1
            }
        }
        return (scores, votes)
    }

    /// Platt probabilities of each pair, coupled into class probabilities (libsvm's method 2 of
    /// Wu, Lin and Weng), in float as onnxruntime computes them.
    func probabilities(_ pairScores: [Float]) -> [Float] {
        let n = classCount
        var r = [Float](repeating: 0, count: n * n)
        var index = 0
        for i in 0..<(n - 1) {
            for j in (i + 1)..<n {
                let p = 1 - PostTransform.logistic(pairScores[index] * probA[index] + probB[index])
                let clipped = min(max(p, 1e-7), 1 - 1e-7)
                r[i * n + j] = clipped
                r[j * n + i] = 1 - clipped
                index += 1
            }
        }
        return Self.coupled(r, classes: n)
    }

    static func coupled(_ r: [Float], classes n: Int) -> [Float] {
        var q = [Float](repeating: 0, count: n * n)
        var qp = [Float](repeating: 0, count: n)
        var p = [Float](repeating: 1 / Float(n), count: n)
        let eps = 0.005 / Float(n)
        for i in 0..<n {
            for j in 0..<i {
                q[i * n + i] += r[j * n + i] * r[j * n + i]
                q[i * n + j] = q[j * n + i]
            }
            for j in (i + 1)..<n {
                q[i * n + i] += r[j * n + i] * r[j * n + i]
                q[i * n + j] = -r[j * n + i] * r[i * n + j]
            }
        }
        for _ in 0..<max(100, n) {
            var pqp: Float = 0
            for i in 0..<n {
                qp[i] = 0
                for j in 0..<n { qp[i] += q[i * n + j] * p[j] }
                pqp += p[i] * qp[i]
            }
            var maxError: Float = 0
            for i in 0..<n { maxError = max(maxError, abs(qp[i] - pqp)) }
            if maxError < eps { break }
            for i in 0..<n {
                let diff = (-qp[i] + pqp) / q[i * n + i]
                p[i] += diff
                pqp = (pqp + diff * (diff * q[i * n + i] + 2 * qp[i])) / (1 + diff) / (1 + diff)
                for j in 0..<n {
                    qp[j] = (qp[j] + diff * q[i * n + j]) / (1 + diff)
                    p[j] /= (1 + diff)
                }
            }
        }
        return p
    }
}
