import AIRiskAccess
import AIRiskTensor
import Foundation

/// Trains a ``SoftmaxNetwork`` (multinomial logistic regression with no hidden layer, an MLP
/// with ReLU hidden layers otherwise) by mini-batch Adam on softmax cross-entropy, in plain Swift
/// with BLAS matrix products. Deterministic in the seed: initial weights and batch order come from
/// a ``SeededGenerator``.
///
/// Two overfitting defenses are built in, for the defense what-if: inverted dropout on the hidden
/// layers (seeded masks; inference uses the whole network) and early stopping on a validation set
/// (the weights of the epoch with the lowest validation loss are kept).
public struct SoftmaxNetworkTrainer: SoftmaxNetworkFitter {
    public var hiddenSizes: [Int]
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    /// L2 penalty coefficient added to the weight gradients (λ·W); 0 for none.
    public var l2: Float
    /// The probability of dropping a hidden unit during training, in [0, 1); 0 for none.
    public var dropout: Float
    /// Stop when the loss on ``EarlyStopping/validation`` has not improved for this many epochs; nil trains
    /// every epoch.
    public var earlyStopping: EarlyStopping?

    /// Early stopping: the held-out records judged after every epoch, and the patience in epochs.
    public struct EarlyStopping: Sendable {
        public var validation: LabeledData
        public var patience: Int

        public init(validation: LabeledData, patience: Int) {
            self.validation = validation
            self.patience = patience
        }
    }

    /// How a fit went: the epochs trained and the epoch whose weights were kept.
    public struct FitReport: Sendable, Equatable {
        public var network: SoftmaxNetwork
        public var epochsTrained: Int
        /// 1-based; equals ``epochsTrained`` without early stopping.
        public var keptEpoch: Int
        /// The validation loss of the kept epoch, when early stopping watched one.
        public var validationLoss: Double?
    }

    public init(
        hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64, learningRate: Float = 1e-3, l2: Float = 0,
        dropout: Float = 0, earlyStopping: EarlyStopping? = nil
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.l2 = l2
        self.dropout = dropout
        self.earlyStopping = earlyStopping
    }

    public var summary: String {
        let shape = hiddenSizes.isEmpty ? "multinomial logistic regression" : "MLP with hidden layers \(hiddenSizes)"
        return "\(shape), softmax cross-entropy, Adam lr \(learningRate), batch \(batchSize), \(epochs) epochs, "
            + "L2 \(l2)" + (dropout > 0 ? ", dropout \(dropout)" : "")
            + (earlyStopping.map { ", early stopping (patience \($0.patience))" } ?? "") + " (in-process Swift trainer)"
    }

    /// Fits a network to `rows` rows of `features` (row-major, `featureCount` per row).
    public func fit(
        features: [Float], rows n: Int, featureCount d: Int, labels: [Int], classCount c: Int, seed: UInt64
    ) throws -> SoftmaxNetwork {
        try fitReport(features: features, rows: n, featureCount: d, labels: labels, classCount: c, seed: seed).network
    }

    /// ``fit(features:rows:featureCount:labels:classCount:seed:)`` with what happened on the way.
    public func fitReport(
        features: [Float], rows n: Int, featureCount d: Int, labels: [Int], classCount c: Int, seed: UInt64
    ) throws -> FitReport {
        guard dropout >= 0, dropout < 1 else {
            throw MembershipProbeError.badTrainingData("dropout rate \(dropout) must lie in [0, 1)")
        }
        if let stop = earlyStopping {
            guard stop.patience >= 1, stop.validation.count > 0, stop.validation.rowWidth == d,
                stop.validation.labels.allSatisfy({ $0 >= 0 && $0 < c })
            else {
                throw MembershipProbeError.badTrainingData(
                    "early stopping needs patience ≥ 1 and validation rows of \(d) features with labels in 0..<\(c)")
            }
        }
        var rng = SeededGenerator(seed: seed)
        var dropoutRNG = SeededGenerator(seed: seed ^ 0x6472_6f70_6f75_7421)
        let sizes = [d] + hiddenSizes + [c]
        let layerCount = sizes.count - 1
        var initial = try SoftmaxNetwork.untrained(
            features: features, rows: n, featureCount: d, labels: labels, sizes: sizes, using: &rng)
        let (mean, scale) = (initial.inputMean, initial.inputScale)
        let xs = initial.standardised(features, rows: n)
        var layers = initial.layers

        let batch = max(1, min(batchSize, n))
        // Workspaces: activations A_0…A_L and their gradients G_1…G_L, batch × size each.
        let acts = sizes.map { UnsafeMutablePointer<Float>.allocate(capacity: batch * $0) }
        let grads = sizes.map { UnsafeMutablePointer<Float>.allocate(capacity: batch * $0) }
        let weights = layers.map { l -> UnsafeMutablePointer<Float> in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: l.weights.count)
            l.weights.withUnsafeBufferPointer { p.initialize(from: $0.baseAddress!, count: l.weights.count) }
            return p
        }
        let biases = sizes.dropFirst().map { UnsafeMutablePointer<Float>.allocate(capacity: $0) }
        let weightGrads = layers.map { UnsafeMutablePointer<Float>.allocate(capacity: $0.weights.count) }
        let biasGrads = sizes.dropFirst().map { UnsafeMutablePointer<Float>.allocate(capacity: $0) }
        let momentW = layers.map { UnsafeMutablePointer<Float>.allocate(capacity: $0.weights.count) }
        let velocityW = layers.map { UnsafeMutablePointer<Float>.allocate(capacity: $0.weights.count) }
        let momentB = sizes.dropFirst().map { UnsafeMutablePointer<Float>.allocate(capacity: $0) }
        let velocityB = sizes.dropFirst().map { UnsafeMutablePointer<Float>.allocate(capacity: $0) }
        defer {
            for p in acts + grads + weights + biases + weightGrads + biasGrads + momentW + velocityW + momentB
                + velocityB
            {
                p.deallocate()
            }
        }
        for l in 0..<layerCount {
            let wc = sizes[l] * sizes[l + 1]
            biases[l].initialize(repeating: 0, count: sizes[l + 1])
            momentW[l].initialize(repeating: 0, count: wc)
            velocityW[l].initialize(repeating: 0, count: wc)
            momentB[l].initialize(repeating: 0, count: sizes[l + 1])
            velocityB[l].initialize(repeating: 0, count: sizes[l + 1])
        }

        let keepScale = 1 / (1 - dropout)
        // Early stopping: the validation rows standardised like the training rows, and the best epoch's weights.
        let validationX = earlyStopping.map {
            initial.standardised(
                $0.validation.scalars, rows: $0.validation.count)
        }
        var best: (epoch: Int, loss: Double, layers: [DenseLayer])?
        var epochsTrained = 0
        func snapshot() -> [DenseLayer] {
            (0..<layerCount).map { l in
                DenseLayer(
                    inputs: sizes[l], outputs: sizes[l + 1],
                    weights: Array(UnsafeBufferPointer(start: weights[l], count: sizes[l] * sizes[l + 1])),
                    bias: Array(UnsafeBufferPointer(start: biases[l], count: sizes[l + 1])))
            }
        }

        let beta1: Float = 0.9
        let beta2: Float = 0.999
        let epsilon: Float = 1e-8
        var beta1Power: Float = 1
        var beta2Power: Float = 1
        var order = Array(0..<n)
        xs.withUnsafeBufferPointer { x in
            for epoch in stride(from: 1, through: epochs, by: 1) {
                for i in stride(from: n - 1, to: 0, by: -1) {
                    order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
                }
                var start = 0
                while start < n {
                    let bs = min(batch, n - start)
                    for r in 0..<bs {
                        (acts[0] + r &* d).update(from: x.baseAddress! + order[start &+ r] &* d, count: d)
                    }
                    // Forward.
                    for l in 0..<layerCount {
                        let (inS, outS) = (sizes[l], sizes[l + 1])
                        let z = acts[l + 1]
                        for r in 0..<bs { (z + r &* outS).update(from: biases[l], count: outS) }
                        SoftmaxNetwork.gemm(
                            transA: false, transB: false, m: bs, n: outS, k: inS, a: acts[l], b: weights[l], c: z,
                            beta: 1)
                        if l < layerCount - 1 {
                            for i in 0..<(bs &* outS) where z[i] < 0 { z[i] = 0 }
                            if dropout > 0 {
                                // Inverted dropout: kept units are scaled by 1/(1 − p), so inference needs no change.
                                for i in 0..<(bs &* outS) {
                                    z[i] = dropoutRNG.nextUniform() < dropout ? 0 : z[i] * keepScale
                                }
                            }
                        }
                    }
                    // Softmax cross-entropy gradient (P − Y) / bs.
                    let out = acts[layerCount]
                    let g = grads[layerCount]
                    let invB = 1 / Float(bs)
                    for r in 0..<bs {
                        let base = r &* c
                        var m = out[base]
                        for j in 1..<c where out[base &+ j] > m { m = out[base &+ j] }
                        var s: Float = 0
                        for j in 0..<c {
                            let e = expf(out[base &+ j] - m)
                            g[base &+ j] = e
                            s += e
                        }
                        let inv = 1 / s
                        for j in 0..<c { g[base &+ j] *= inv * invB }
                        let y = labels[order[start &+ r]]
                        g[base &+ y] -= invB
                    }
                    // Backward.
                    for l in stride(from: layerCount - 1, through: 0, by: -1) {
                        let (inS, outS) = (sizes[l], sizes[l + 1])
                        let gOut = grads[l + 1]
                        SoftmaxNetwork.gemm(
                            transA: true, transB: false, m: inS, n: outS, k: bs, a: acts[l], b: gOut,
                            c: weightGrads[l], beta: 0)
                        let gb = biasGrads[l]
                        gb.update(repeating: 0, count: outS)
                        for r in 0..<bs {
                            for j in 0..<outS { gb[j] += gOut[r &* outS &+ j] }
                        }
                        if l > 0 {
                            let gIn = grads[l]
                            SoftmaxNetwork.gemm(
                                transA: false, transB: true, m: bs, n: inS, k: outS, a: gOut, b: weights[l], c: gIn,
                                beta: 0)
                            // The stored activation is zero where ReLU or dropout cut the unit; elsewhere dropout
                            // scaled it by keepScale, and its gradient likewise.
                            let a = acts[l]
                            for i in 0..<(bs &* inS) { gIn[i] = a[i] <= 0 ? 0 : gIn[i] * keepScale }
                        }
                    }
                    // Adam.
                    beta1Power *= beta1
                    beta2Power *= beta2
                    let stepSize = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
                    for l in 0..<layerCount {
                        let wc = sizes[l] &* sizes[l + 1]
                        let w = weights[l]
                        let gw = weightGrads[l]
                        let mw = momentW[l]
                        let vw = velocityW[l]
                        for i in 0..<wc {
                            let gi = gw[i] + l2 * w[i]
                            mw[i] = beta1 * mw[i] + (1 - beta1) * gi
                            vw[i] = beta2 * vw[i] + (1 - beta2) * gi * gi
                            w[i] -= stepSize * mw[i] / (vw[i].squareRoot() + epsilon)
                        }
                        let b = biases[l]
                        let gb = biasGrads[l]
                        let mb = momentB[l]
                        let vb = velocityB[l]
                        for i in 0..<sizes[l + 1] {
                            mb[i] = beta1 * mb[i] + (1 - beta1) * gb[i]
                            vb[i] = beta2 * vb[i] + (1 - beta2) * gb[i] * gb[i]
                            b[i] -= stepSize * mb[i] / (vb[i].squareRoot() + epsilon)
                        }
                    }
                    start += bs
                }
                epochsTrained = epoch
                if let stop = earlyStopping, let vx = validationX {
                    let current = snapshot()
                    initial.layers = current
                    let loss = Self.crossEntropy(initial, standardised: vx, labels: stop.validation.labels)
                    if loss < best?.loss ?? .infinity { best = (epoch, loss, current) }
                    if let b = best, epoch - b.epoch >= stop.patience { break }
                }
            }
        }
        if let best {
            return FitReport(
                network: SoftmaxNetwork(inputMean: mean, inputScale: scale, layers: best.layers),
                epochsTrained: epochsTrained, keptEpoch: best.epoch, validationLoss: best.loss)
        }
        for l in 0..<layerCount {
            layers[l].weights = Array(UnsafeBufferPointer(start: weights[l], count: layers[l].weights.count))
            layers[l].bias = Array(UnsafeBufferPointer(start: biases[l], count: sizes[l + 1]))
        }

        return FitReport(
            network: SoftmaxNetwork(inputMean: mean, inputScale: scale, layers: layers), epochsTrained: epochsTrained,
            keptEpoch: epochsTrained, validationLoss: nil)
    }

    /// Mean softmax cross-entropy of `network` on already standardised rows.
    static func crossEntropy(_ network: SoftmaxNetwork, standardised x: [Float], labels: [Int]) -> Double {
        let n = labels.count
        let a = network.logits(standardised: x, rows: n)
        let c = network.classCount
        var total = 0.0
        for r in 0..<n {
            let row = a[(r * c)..<(r * c + c)]
            let m = row.max() ?? 0
            let logSum = Double(m) + log(row.reduce(0.0) { $0 + exp(Double($1 - m)) })
            total += logSum - Double(a[r * c + labels[r]])
        }
        return total / Double(max(n, 1))
    }
}
