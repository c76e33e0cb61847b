import AIRiskTensor
import CBLAS

/// A fully connected network with ReLU hidden layers and a linear last layer, on standardized inputs.
///
/// With no hidden layers it is multinomial logistic (or linear) regression. Storage is contiguous
/// row-major [Float]; products go through `cblas_sgemm`.
struct DenseNetwork: Sendable {
    /// Layer widths, input first, output last.
    let sizes: [Int]
    /// Layer l's weights, `sizes[l] × sizes[l+1]` row-major.
    var weights: [[Float]]
    var biases: [[Float]]
    let standardizer: Standardizer

    var layerCount: Int { sizes.count - 1 }
    var inputWidth: Int { sizes[0] }
    var outputWidth: Int { sizes[sizes.count - 1] }

    /// He-initialized weights, zero biases, standardization from `inputs`.
    init(sizes: [Int], inputs: [Float], rows: Int, generator: inout SeededGenerator) {
        self.sizes = sizes
        standardizer = Standardizer(inputs: inputs, rows: rows, featureCount: sizes[0])
        var w: [[Float]] = []
        var b: [[Float]] = []
        for l in 0..<(sizes.count - 1) {
            let fanIn = sizes[l]
            let std = (2 / Float(fanIn)).squareRoot() * (l == sizes.count - 2 ? 0.5 : 1)
            w.append((0..<(fanIn * sizes[l + 1])).map { _ in generator.nextGaussian() * std })
            b.append([Float](repeating: 0, count: sizes[l + 1]))
        }
        weights = w
        biases = b
    }

    /// Forward pass keeping every layer's activation (index 0: standardized input; last: output logits).
    func forward(standardized a0: [Float], rows: Int) -> [[Float]] {
        var acts = [a0]
        acts.reserveCapacity(sizes.count)
        for l in 0..<layerCount {
            let inW = sizes[l]
            let outW = sizes[l + 1]
            var z = [Float](repeating: 0, count: rows * outW)
            z.withUnsafeMutableBufferPointer { zp in
                for r in 0..<rows {
                    for j in 0..<outW { zp[r &* outW &+ j] = biases[l][j] }
                }
                acts[l].withUnsafeBufferPointer { ap in
                    weights[l].withUnsafeBufferPointer { wp in
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(outW), Int32(inW), 1,
                            ap.baseAddress, Int32(inW), wp.baseAddress, Int32(outW), 1, zp.baseAddress, Int32(outW))
                    }
                }
                if l < layerCount - 1 {
                    for i in 0..<zp.count where zp[i] < 0 { zp[i] = 0 }
                }
            }
            acts.append(z)
        }
        return acts
    }

    /// Back-propagates `gradOutput` (rows × outputWidth) through the cached activations. Returns the weight and
    /// bias gradients, and the gradient with respect to the standardized input when `wantInput` is set.
    func backward(
        activations acts: [[Float]], gradOutput: [Float], rows: Int, wantInput: Bool
    ) -> (weights: [[Float]], biases: [[Float]], input: [Float]?) {
        var gw = [[Float]](repeating: [], count: layerCount)
        var gb = [[Float]](repeating: [], count: layerCount)
        var g = gradOutput
        var inputGrad: [Float]?
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let inW = sizes[l]
            let outW = sizes[l + 1]
            var dw = [Float](repeating: 0, count: inW * outW)
            var db = [Float](repeating: 0, count: outW)
            g.withUnsafeBufferPointer { gp in
                acts[l].withUnsafeBufferPointer { ap in
                    dw.withUnsafeMutableBufferPointer { dp in
                        cblas_sgemm(
                            CblasRowMajor, CblasTrans, CblasNoTrans, Int32(inW), Int32(outW), Int32(rows), 1,
                            ap.baseAddress, Int32(inW), gp.baseAddress, Int32(outW), 0, dp.baseAddress, Int32(outW))
                    }
                }
                for r in 0..<rows {
                    for j in 0..<outW { db[j] += gp[r &* outW &+ j] }
                }
            }
            gw[l] = dw
            gb[l] = db
            if l > 0 || wantInput {
                var prev = [Float](repeating: 0, count: rows * inW)
                g.withUnsafeBufferPointer { gp in
                    weights[l].withUnsafeBufferPointer { wp in
                        prev.withUnsafeMutableBufferPointer { pp in
                            cblas_sgemm(
                                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(inW), Int32(outW), 1,
                                gp.baseAddress, Int32(outW), wp.baseAddress, Int32(outW), 0, pp.baseAddress,
                                Int32(inW))
                        }
                    }
                }
                if l > 0 {
                    // ReLU derivative: the activation is positive exactly where the unit was active.
                    acts[l].withUnsafeBufferPointer { ap in
                        prev.withUnsafeMutableBufferPointer { pp in
                            for i in 0..<pp.count where ap[i] <= 0 { pp[i] = 0 }
                        }
                    }
                    g = prev
                } else {
                    inputGrad = prev
                }
            }
        }
        return (gw, gb, inputGrad)
    }
}

extension DenseNetwork: TrainableNetwork {
    var parameterShapes: [Int] { weights.map(\.count) + biases.map(\.count) }

    func outputs(standardized x: [Float], rows: Int) -> [Float] {
        forward(standardized: x, rows: rows)[layerCount]
    }

    func gradients(standardized x: [Float], rows: Int, outputGradient: ([Float]) -> [Float]) -> [[Float]] {
        let acts = forward(standardized: x, rows: rows)
        let g = outputGradient(acts[layerCount])
        let grads = backward(activations: acts, gradOutput: g, rows: rows, wantInput: false)
        return grads.weights + grads.biases
    }

    func inputGradient(standardized x: [Float], rows: Int, outputs: [Int]) -> [Float] {
        let acts = forward(standardized: x, rows: rows)
        let w = outputWidth
        var seed = [Float](repeating: 0, count: rows * w)
        for r in 0..<rows where outputs[r] >= 0 && outputs[r] < w { seed[r * w + outputs[r]] = 1 }
        return backward(activations: acts, gradOutput: seed, rows: rows, wantInput: true).input ?? []
    }

    mutating func update(_ adam: inout AdamOptimizer, gradients: [[Float]]) {
        adam.update(&weights, gradients: Array(gradients[0..<layerCount]))
        adam.update(&biases, gradients: Array(gradients[layerCount...]), offset: layerCount)
    }
}
