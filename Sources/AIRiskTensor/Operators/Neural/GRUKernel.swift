/// ONNX GRU (opsets 7–22) with gates z, r, h:
/// `z = f(X·Wzᵀ + H·Rzᵀ + Wbz + Rbz)`, `r = f(…)`,
/// `h̃ = g(X·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh)` (or `g(X·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh)` with
/// linear_before_reset), `H' = (1 − z) ⊙ h̃ + z ⊙ H`; forward, reverse or bidirectional, with
/// sequence_lens, initial_h, clip, activations and both layouts. Backward is backpropagation
/// through time over the saved pre-activations.
struct GRUKernel: Kernel {
    static let opType = "GRU"

    private let context: NeuralNodeContext
    private let attributes: RecurrentAttributes
    private let linearBeforeReset: Bool

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.sigmoid, .tanh])
        linearBeforeReset = try context.int("linear_before_reset", default: 0) != 0
    }

    /// Per direction and step: previous state (N, H), pre-activations (N, 3H) and either r ⊙ H
    /// (linear_before_reset = 0) or H·Rhᵀ + Rbh (linear_before_reset = 1), each (N, H).
    private struct Tape: Sendable {
        var previous: [[Float]] = []
        var preactivation: [[Float]] = []
        var extra: [[Float]] = []
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 3, cellState: false)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 3 * H
        var y = [Float](repeating: 0, count: T * D * N * H)
        var finalH = p.initialH
        var tape = Tape()
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1]
            let xw = p.projectInputs(direction: d)
            let wb = d * 2 * G, rb = wb + G
            var h = Array(p.initialH[(d * N * H)..<((d + 1) * N * H)])
            var previous = [Float](repeating: 0, count: T * N * H)
            var pre = [Float](repeating: 0, count: T * N * G)
            var extra = [Float](repeating: 0, count: T * N * H)
            var hr = [Float](repeating: 0, count: N * G)
            var rh = [Float](repeating: 0, count: N * H)
            for s in 0..<T {
                previous.replaceSubrange((s * N * H)..<((s + 1) * N * H), with: h)
                h.withUnsafeBufferPointer { hp in
                    p.r.withUnsafeBufferPointer { rp in
                        hr.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                transB: true, m: N, n: linearBeforeReset ? G : 2 * H, k: H, a: hp.baseAddress!,
                                lda: H, b: rp.baseAddress! + d * G * H, ldb: H, beta: 0, c: op.baseAddress!, ldc: G)
                        }
                    }
                }
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let row = (t * N + b) * G, out = (s * N + b) * G
                    for j in 0..<(2 * H) {
                        pre[out + j] = xw[row + j] + p.b[wb + j] + p.b[rb + j] + hr[b * G + j]
                    }
                    if !linearBeforeReset {
                        for j in 0..<H {
                            rh[b * H + j] = f.apply(attributes.clipped(pre[out + H + j])) * h[b * H + j]
                        }
                    }
                }
                if !linearBeforeReset {
                    rh.withUnsafeBufferPointer { ap in
                        p.r.withUnsafeBufferPointer { rp in
                            hr.withUnsafeMutableBufferPointer { op in
                                NeuralGEMM.gemm(
                                    transB: true, m: N, n: H, k: H, a: ap.baseAddress!, lda: H,
                                    b: rp.baseAddress! + (d * G + 2 * H) * H, ldb: H, beta: 0,
                                    c: op.baseAddress! + 2 * H, ldc: G)
                            }
                        }
                    }
                }
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let row = (t * N + b) * G, out = (s * N + b) * G
                    for j in 0..<H {
                        let z = f.apply(attributes.clipped(pre[out + j]))
                        let a: Float
                        if linearBeforeReset {
                            let r = f.apply(attributes.clipped(pre[out + H + j]))
                            let q = hr[b * G + 2 * H + j] + p.b[rb + 2 * H + j]
                            extra[(s * N + b) * H + j] = q
                            a = xw[row + 2 * H + j] + p.b[wb + 2 * H + j] + r * q
                        } else {
                            extra[(s * N + b) * H + j] = rh[b * H + j]
                            a = xw[row + 2 * H + j] + p.b[wb + 2 * H + j] + p.b[rb + 2 * H + j] + hr[b * G + 2 * H + j]
                        }
                        pre[out + 2 * H + j] = a
                        let candidate = g.apply(attributes.clipped(a))
                        let value = (1 - z) * candidate + z * h[b * H + j]
                        h[b * H + j] = value
                        y[((t * D + d) * N + b) * H + j] = value
                    }
                }
            }
            finalH.replaceSubrange((d * N * H)..<((d + 1) * N * H), with: h)
            tape.previous.append(previous)
            tape.preactivation.append(pre)
            tape.extra.append(extra)
        }
        let outputs = RecurrentLayout.outputs(
            y: y, finalH: finalH, finalC: nil, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst,
            count: context.outputCount)
        return KernelOutput(outputs: outputs, saved: tape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 3, cellState: false)
        guard let tape = forward.saved as? Tape else {
            throw context.inputError(0, "backward needs this kernel's own forward result")
        }
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, I = p.inputSize, G = 3 * H
        let grads = RecurrentLayout.outputGradients(outputGradients, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst)
        let lbr = linearBeforeReset
        var dX = [Float](repeating: 0, count: T * N * I)
        var dW = [Float](repeating: 0, count: p.w.count)
        var dR = [Float](repeating: 0, count: p.r.count)
        var dB = [Float](repeating: 0, count: p.b.count)
        var dH0 = [Float](repeating: 0, count: D * N * H)
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1]
            let wb = d * 2 * G, rb = wb + G
            var dXW = [Float](repeating: 0, count: T * N * G)
            var dh = Array(grads.dH[(d * N * H)..<((d + 1) * N * H)])
            var dA = [Float](repeating: 0, count: N * G)
            var dPrev = [Float](repeating: 0, count: N * H)
            var dRH = [Float](repeating: 0, count: N * H)
            let pre = tape.preactivation[d], prev = tape.previous[d], extra = tape.extra[d]
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        for j in 0..<G { dA[b * G + j] = 0 }
                        for j in 0..<H { dPrev[b * H + j] = dh[b * H + j] }
                        continue
                    }
                    let out = (s * N + b) * G, row = (t * N + b) * G
                    for j in 0..<H {
                        let grad = dh[b * H + j] + grads.dY[((t * D + d) * N + b) * H + j]
                        let az = pre[out + j], ar = pre[out + H + j], ah = pre[out + 2 * H + j]
                        let z = f.apply(attributes.clipped(az))
                        let candidate = g.apply(attributes.clipped(ah))
                        let hp = prev[(s * N + b) * H + j]
                        let daz = grad * (hp - candidate) * f.derivative(attributes.clipped(az)) * attributes.clipMask(az)
                        let dah = grad * (1 - z) * g.derivative(attributes.clipped(ah)) * attributes.clipMask(ah)
                        dPrev[b * H + j] = grad * z
                        dA[b * G + j] = daz
                        dXW[row + j] = daz
                        dXW[row + 2 * H + j] = dah
                        dB[wb + j] += daz
                        dB[rb + j] += daz
                        dB[wb + 2 * H + j] += dah
                        if lbr {
                            let r = f.apply(attributes.clipped(ar))
                            let q = extra[(s * N + b) * H + j]
                            let dar = dah * q * f.derivative(attributes.clipped(ar)) * attributes.clipMask(ar)
                            dA[b * G + H + j] = dar
                            dA[b * G + 2 * H + j] = dah * r
                            dXW[row + H + j] = dar
                            dB[wb + H + j] += dar
                            dB[rb + H + j] += dar
                            dB[rb + 2 * H + j] += dah * r
                        } else {
                            dA[b * G + 2 * H + j] = dah
                            dB[rb + 2 * H + j] += dah
                        }
                    }
                }
                dA.withUnsafeMutableBufferPointer { ap in
                    p.r.withUnsafeBufferPointer { rp in
                        let rd = rp.baseAddress! + d * G * H
                        if !lbr {
                            // d(r ⊙ H) = dA_h · Rh, then the reset gate's share.
                            dRH.withUnsafeMutableBufferPointer { op in
                                NeuralGEMM.gemm(
                                    m: N, n: H, k: H, a: ap.baseAddress! + 2 * H, lda: G, b: rd + 2 * H * H, ldb: H,
                                    beta: 0, c: op.baseAddress!, ldc: H)
                            }
                            for b in 0..<N {
                                guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                                let out = (s * N + b) * G, row = (t * N + b) * G
                                for j in 0..<H {
                                    let ar = pre[out + H + j]
                                    let r = f.apply(attributes.clipped(ar))
                                    let hp = prev[(s * N + b) * H + j]
                                    let dar = dRH[b * H + j] * hp * f.derivative(attributes.clipped(ar)) * attributes.clipMask(ar)
                                    dPrev[b * H + j] += dRH[b * H + j] * r
                                    ap[b * G + H + j] = dar
                                    dXW[row + H + j] = dar
                                    dB[wb + H + j] += dar
                                    dB[rb + H + j] += dar
                                }
                            }
                        }
                        prev.withUnsafeBufferPointer { hp in
                            extra.withUnsafeBufferPointer { ep in
                                dR.withUnsafeMutableBufferPointer { drp in
                                    if lbr {
                                        p.accumulateRecurrentWeightGradient(
                                            direction: d, dA: ap.baseAddress!, states: hp.baseAddress! + s * N * H,
                                            dR: drp.baseAddress!)
                                    } else {
                                        p.accumulateRecurrentWeightGradient(
                                            direction: d, dA: ap.baseAddress!, states: hp.baseAddress! + s * N * H,
                                            dR: drp.baseAddress!, rows: 0..<(2 * H))
                                        p.accumulateRecurrentWeightGradient(
                                            direction: d, dA: ap.baseAddress!, states: ep.baseAddress! + s * N * H,
                                            dR: drp.baseAddress!, rows: (2 * H)..<G)
                                    }
                                }
                            }
                        }
                        dPrev.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                m: N, n: H, k: lbr ? G : 2 * H, a: ap.baseAddress!, lda: G, b: rd, ldb: H, beta: 1,
                                c: op.baseAddress!, ldc: H)
                        }
                    }
                }
                swap(&dh, &dPrev)
            }
            dH0.replaceSubrange((d * N * H)..<((d + 1) * N * H), with: dh)
            p.accumulateInputGradients(direction: d, dXW: dXW, dX: &dX, dW: &dW)
        }
        let xGradient =
            attributes.batchFirst
            ? Tensor(shape: [N, T, I], scalars: RecurrentLayout.swapLeadingAxes(dX, T: T, N: N, inner: I))
            : Tensor(shape: [T, N, I], scalars: dX)
        return [xGradient, Tensor(shape: [D, G, I], scalars: dW), Tensor(shape: [D, G, H], scalars: dR)]
            + p.optionalGradients(dB: dB, dH0: dH0, dC0: nil, dP: nil, batchFirst: attributes.batchFirst)
    }
}
