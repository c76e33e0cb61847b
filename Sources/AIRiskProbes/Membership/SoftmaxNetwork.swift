import AIRiskTensor
import CBLAS
import Foundation

/// A trained feed-forward classifier: input standardisation, dense layers with ReLU between them,
/// and a softmax over the last layer's logits. With no hidden layer it is multinomial logistic
/// regression.
public struct SoftmaxNetwork: Sendable, Equatable {
    /// Per-feature mean and 1/std applied to inputs before the first layer.
    public var inputMean: [Float]
    public var inputScale: [Float]
    public var layers: [DenseLayer]

    public var featureCount: Int { inputMean.count }
    public var classCount: Int { layers.last?.outputs ?? 0 }

    /// The logits of `rows` rows of `x` (row-major, `featureCount` per row).
    public func logits(_ x: [Float], rows: Int) -> [Float] {
        logits(standardised: standardised(x, rows: rows), rows: rows)
    }

    /// The logits of rows already standardised with ``inputMean`` and ``inputScale``.
    func logits(standardised x: [Float], rows: Int) -> [Float] {
        var a = x
        for (l, layer) in layers.enumerated() {
            var z = [Float](repeating: 0, count: rows * layer.outputs)
            SoftmaxNetwork.affine(a, rows: rows, layer: layer, into: &z)
            if l < layers.count - 1 { SoftmaxNetwork.relu(&z) }
            a = z
        }
        return a
    }

    /// Class probabilities (softmax of the logits), rows × classCount.
    public func probabilities(_ x: [Float], rows: Int) -> [Float] {
        var z = logits(x, rows: rows)
        SoftmaxNetwork.softmaxRows(&z, rows: rows, width: classCount)
        return z
    }

    /// An untrained network for the trainers: standardisation from the training rows' per-feature mean and
    /// standard deviation (constant features keep scale 1), layers of `sizes` with Glorot-normal weights drawn
    /// from `rng` and zero biases. Throws when the rows, labels or class count do not fit together.
    static func untrained(
        features: [Float], rows n: Int, featureCount d: Int, labels: [Int], sizes: [Int],
        using rng: inout SeededGenerator
    ) throws -> SoftmaxNetwork {
        guard n > 0, d > 0, features.count == n * d, labels.count == n else {
            throw MembershipProbeError.badTrainingData(
                "\(n) rows of \(d) features with \(labels.count) labels (\(features.count) values)")
        }
        let c = sizes.last ?? 0
        guard c >= 2, labels.allSatisfy({ $0 >= 0 && $0 < c }) else {
            throw MembershipProbeError.badTrainingData("labels must lie in 0..<\(c) with at least 2 classes")
        }
        let moments = FeatureMoments(features, rows: n, width: d)
        let mean = moments.mean
        let scale = moments.inverseStandardDeviation
        var layers: [DenseLayer] = []
        for l in 0..<(sizes.count - 1) {
            let std = Float((2.0 / Double(sizes[l] + sizes[l + 1])).squareRoot())
            let w = (0..<(sizes[l] * sizes[l + 1])).map { _ in rng.nextGaussian() * std }
            layers.append(
                DenseLayer(
                    inputs: sizes[l], outputs: sizes[l + 1], weights: w,
                    bias: [Float](repeating: 0, count: sizes[l + 1])))
        }
        return SoftmaxNetwork(inputMean: mean, inputScale: scale, layers: layers)
    }

    func standardised(_ x: [Float], rows: Int) -> [Float] {
        let d = featureCount
        var out = x
        out.withUnsafeMutableBufferPointer { o in
            inputMean.withUnsafeBufferPointer { mean in
                inputScale.withUnsafeBufferPointer { scale in
                    for r in 0..<rows {
                        let base = r &* d
                        for j in 0..<d { o[base &+ j] = (o[base &+ j] - mean[j]) * scale[j] }
                    }
                }
            }
        }
        return out
    }

    /// out[rows × outputs] = a[rows × inputs] · W + b.
    static func affine(_ a: [Float], rows: Int, layer: DenseLayer, into out: inout [Float]) {
        let n = layer.outputs
        out.withUnsafeMutableBufferPointer { o in
            layer.bias.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    for j in 0..<n { o[r &* n &+ j] = b[j] }
                }
            }
            a.withUnsafeBufferPointer { ap in
                layer.weights.withUnsafeBufferPointer { w in
                    gemm(
                        transA: false, transB: false, m: rows, n: n, k: layer.inputs, a: ap.baseAddress!,
                        b: w.baseAddress!, c: o.baseAddress!, beta: 1)
                }
            }
        }
    }

    static func relu(_ z: inout [Float]) {
        z.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count where p[i] < 0 { p[i] = 0 }
        }
    }

    static func softmaxRows(_ z: inout [Float], rows: Int, width: Int) {
        z.withUnsafeMutableBufferPointer { p in
            for r in 0..<rows {
                let base = r &* width
                var m = p[base]
                for j in 1..<width where p[base &+ j] > m { m = p[base &+ j] }
                var s: Float = 0
                for j in 0..<width {
                    let e = expf(p[base &+ j] - m)
                    p[base &+ j] = e
                    s += e
                }
                let inv = 1 / s
                for j in 0..<width { p[base &+ j] *= inv }
            }
        }
    }

    /// C[m × n] = op(A) · op(B) + beta · C, all row-major and contiguous.
    static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, beta: Float
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(transA ? m : k), b, Int32(transB ? k : n), beta, c, Int32(n))
    }
}
