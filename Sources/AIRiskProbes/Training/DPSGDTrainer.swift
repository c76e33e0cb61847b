import AIRiskAccess
import AIRiskTensor
import Foundation

/// Differentially private training (DP-SGD, Abadi et al. 2016) of the same kind of network
/// ``SoftmaxNetworkTrainer`` fits: every example's gradient is clipped to L2 norm `clipNorm`, the
/// clipped gradients are summed, Gaussian noise of standard deviation `noiseMultiplier × clipNorm` is
/// added, and the sum is divided by the batch size before an Adam step (post-processing, so the privacy
/// is unchanged).
///
/// Per-example norms come without materialising per-example gradients: the gradient of a dense layer for
/// one example is the outer product of its input activation a and output gradient δ, whose Frobenius norm
/// is ‖a‖·‖δ‖ (plus ‖δ‖ for the bias). The (ε, δ) spent is reported by ``RDPAccountant``.
public struct DPSGDTrainer: SoftmaxNetworkFitter {
    public var hiddenSizes: [Int]
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var clipNorm: Float
    public var noiseMultiplier: Float

    public init(
        hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64, learningRate: Float = 1e-3,
        clipNorm: Float = 1, noiseMultiplier: Float = 1
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        self.noiseMultiplier = noiseMultiplier
    }

    public var summary: String {
        let shape = hiddenSizes.isEmpty ? "multinomial logistic regression" : "MLP with hidden layers \(hiddenSizes)"
        return "\(shape), DP-SGD (clip \(clipNorm), noise multiplier \(noiseMultiplier)), Adam lr \(learningRate), "
            + "batch \(batchSize), \(epochs) epochs"
    }

    /// The privacy accounting of training on `rows` records.
    public func accountant(rows: Int) -> RDPAccountant {
        let b = max(1, min(batchSize, rows))
        let stepsPerEpoch = (rows + b - 1) / b
        return RDPAccountant(
            samplingRate: Double(b) / Double(max(rows, 1)), noiseMultiplier: Double(noiseMultiplier),
            steps: stepsPerEpoch * epochs)
    }

    public func fit(
        features: [Float], rows n: Int, featureCount d: Int, labels: [Int], classCount c: Int, seed: UInt64
    ) throws -> SoftmaxNetwork {
        var rng = SeededGenerator(seed: seed)
        // Standardisation as SoftmaxNetworkTrainer does it. (Its statistics touch every record; an attacker-grade
        // accounting would fix them from public data — noted in the report.)
        let sizes = [d] + hiddenSizes + [c]
        let layerCount = sizes.count - 1
        let initial = try SoftmaxNetwork.untrained(
            features: features, rows: n, featureCount: d, labels: labels, sizes: sizes, using: &rng)
        let (mean, scale) = (initial.inputMean, initial.inputScale)
        let xs = initial.standardised(features, rows: n)
        var weights = initial.layers.map { $0.weights }
        var biases = initial.layers.map { $0.bias }
        var mW = weights.map { [Float](repeating: 0, count: $0.count) }
        var vW = mW
        var mB = biases.map { [Float](repeating: 0, count: $0.count) }
        var vB = mB

        let batch = max(1, min(batchSize, n))
        var acts = sizes.map { [Float](repeating: 0, count: batch * $0) }
        var deltas = sizes.map { [Float](repeating: 0, count: batch * $0) }
        var gW = weights.map { [Float](repeating: 0, count: $0.count) }
        var gB = biases.map { [Float](repeating: 0, count: $0.count) }
        let (beta1, beta2, eps): (Float, Float, Float) = (0.9, 0.999, 1e-8)
        var beta1Power: Float = 1
        var beta2Power: Float = 1
        var order = Array(0..<n)
        var rowNorm2 = [Float](repeating: 0, count: batch)
        let noiseStd = noiseMultiplier * clipNorm

        for _ in 0..<epochs {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            var start = 0
            while start < n {
                let bs = min(batch, n - start)
                for r in 0..<bs {
                    let src = order[start + r] * d
                    for j in 0..<d { acts[0][r * d + j] = xs[src + j] }
                }
                // Forward.
                for l in 0..<layerCount {
                    let (inS, outS) = (sizes[l], sizes[l + 1])
                    for r in 0..<bs { for j in 0..<outS { acts[l + 1][r * outS + j] = biases[l][j] } }
                    let input = acts[l]
                    input.withUnsafeBufferPointer { a in
                        weights[l].withUnsafeBufferPointer { w in
                            acts[l + 1].withUnsafeMutableBufferPointer { z in
                                SoftmaxNetwork.gemm(
                                    transA: false, transB: false, m: bs, n: outS, k: inS, a: a.baseAddress!,
                                    b: w.baseAddress!, c: z.baseAddress!, beta: 1)
                            }
                        }
                    }
                    if l < layerCount - 1 { for i in 0..<(bs * outS) where acts[l + 1][i] < 0 { acts[l + 1][i] = 0 } }
                }
                // Per-example output gradients P − Y.
                for r in 0..<bs {
                    let base = r * c
                    var m = acts[layerCount][base]
                    for j in 1..<c { m = max(m, acts[layerCount][base + j]) }
                    var s: Float = 0
                    for j in 0..<c {
                        let e = expf(acts[layerCount][base + j] - m)
                        deltas[layerCount][base + j] = e
                        s += e
                    }
                    for j in 0..<c { deltas[layerCount][base + j] /= s }
                    deltas[layerCount][base + labels[order[start + r]]] -= 1
                }
                // Back-propagate the per-example gradients through the layers (no weight gradients yet).
                for l in stride(from: layerCount - 1, through: 1, by: -1) {
                    let (inS, outS) = (sizes[l], sizes[l + 1])
                    let upstream = deltas[l + 1]
                    upstream.withUnsafeBufferPointer { g in
                        weights[l].withUnsafeBufferPointer { w in
                            deltas[l].withUnsafeMutableBufferPointer { gIn in
                                SoftmaxNetwork.gemm(
                                    transA: false, transB: true, m: bs, n: inS, k: outS, a: g.baseAddress!,
                                    b: w.baseAddress!, c: gIn.baseAddress!, beta: 0)
                            }
                        }
                    }
                    for i in 0..<(bs * inS) where acts[l][i] <= 0 { deltas[l][i] = 0 }
                }
                // Per-example norms ‖∇‖² = Σ_l ‖δ_{l+1}‖² (‖a_l‖² + 1); clip and average.
                for r in 0..<bs {
                    var total: Float = 0
                    for l in 0..<layerCount {
                        var a2: Float = 0
                        var g2: Float = 0
                        for j in 0..<sizes[l] { a2 += acts[l][r * sizes[l] + j] * acts[l][r * sizes[l] + j] }
                        for j in 0..<sizes[l + 1] {
                            g2 += deltas[l + 1][r * sizes[l + 1] + j] * deltas[l + 1][r * sizes[l + 1] + j]
                        }
                        total += g2 * (a2 + 1)
                    }
                    rowNorm2[r] = total
                }
                for r in 0..<bs {
                    let norm = rowNorm2[r].squareRoot()
                    let factor = (norm > clipNorm ? clipNorm / norm : 1) / Float(bs)
                    for l in 1...layerCount {
                        for j in 0..<sizes[l] { deltas[l][r * sizes[l] + j] *= factor }
                    }
                }
                for l in 0..<layerCount {
                    let (inS, outS) = (sizes[l], sizes[l + 1])
                    acts[l].withUnsafeBufferPointer { a in
                        deltas[l + 1].withUnsafeBufferPointer { g in
                            gW[l].withUnsafeMutableBufferPointer { out in
                                SoftmaxNetwork.gemm(
                                    transA: true, transB: false, m: inS, n: outS, k: bs, a: a.baseAddress!,
                                    b: g.baseAddress!, c: out.baseAddress!, beta: 0)
                            }
                        }
                    }
                    for j in 0..<outS {
                        var s: Float = 0
                        for r in 0..<bs { s += deltas[l + 1][r * outS + j] }
                        gB[l][j] = s
                    }
                    // Gaussian noise on the clipped sum, divided by the batch size like the sum was.
                    let scaleNoise = noiseStd / Float(bs)
                    for i in 0..<gW[l].count { gW[l][i] += scaleNoise * rng.nextGaussian() }
                    for i in 0..<gB[l].count { gB[l][i] += scaleNoise * rng.nextGaussian() }
                }
                beta1Power *= beta1
                beta2Power *= beta2
                let step = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
                for l in 0..<layerCount {
                    for i in 0..<weights[l].count {
                        let g = gW[l][i]
                        mW[l][i] = beta1 * mW[l][i] + (1 - beta1) * g
                        vW[l][i] = beta2 * vW[l][i] + (1 - beta2) * g * g
                        weights[l][i] -= step * mW[l][i] / (vW[l][i].squareRoot() + eps)
                    }
                    for i in 0..<biases[l].count {
                        let g = gB[l][i]
                        mB[l][i] = beta1 * mB[l][i] + (1 - beta1) * g
                        vB[l][i] = beta2 * vB[l][i] + (1 - beta2) * g * g
                        biases[l][i] -= step * mB[l][i] / (vB[l][i].squareRoot() + eps)
                    }
                }
                start += bs
            }
        }
        let layers = (0..<layerCount).map {
            DenseLayer(inputs: sizes[$0], outputs: sizes[$0 + 1], weights: weights[$0], bias: biases[$0])
        }
        return SoftmaxNetwork(inputMean: mean, inputScale: scale, layers: layers)
    }
}
