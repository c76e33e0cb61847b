import Foundation

/// ONNX GRU (opsets 7–22) with gates z, r, h:
/// `z = f(X·Wzᵀ + H·Rzᵀ + Wbz + Rbz)`, `r = f(…)`,
/// `h̃ = g(X·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh)` (or `g(X·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh)` with
/// linear_before_reset), `H' = (1 − z) ⊙ h̃ + z ⊙ H`; forward, reverse or bidirectional, with
/// sequence_lens, initial_h, clip, activations and both layouts. Backward is backpropagation
/// through time over the saved pre-activations and gate values.
struct GRUKernel: RecurrentKernel {
    static let opType = "GRU"
    static let gates = 3

    let context: NeuralNodeContext
    let attributes: RecurrentAttributes
    let weights = RecurrentWeights()
    private let linearBeforeReset: Bool

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.sigmoid, .tanh])
        linearBeforeReset = try context.flag("linear_before_reset")
    }

    /// Per direction and step (processing order): previous state (N, H), pre-activations and
    /// gate values (N, 3H), and either r ⊙ H (linear_before_reset = 0) or H·Rhᵀ + Rbh (= 1), (N, H).
    struct Tape: RecurrentTape {
        var previous: [FloatScratch] = []
        var preactivation: [FloatScratch] = []
        var activation: [FloatScratch] = []
        var extra: [FloatScratch] = []
    }

    func run(_ inputs: [Tensor?], keepTape: Bool) throws -> KernelOutput {
        let p = try recurrentInputs(inputs)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 3 * H
        let lbr = linearBeforeReset, clip = attributes.clip
        let y = p.outputBuffer()
        let finalH = FloatScratch(p.initialH.array)
        var tape = Tape()
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1]
            let xw = p.projectInputs(direction: d)
            let wb = p.b.pointer + d * 2 * G, rb = wb + G
            let h = finalH.pointer + d * N * H
            let keepsPre = keepTape && attributes.keepsPreactivations, preStride = keepsPre ? N * G : 0
            let gateStride = keepTape ? N * G : 0, stateStride = keepTape ? N * H : 0
            let previous = FloatScratch(uninitializedCount: keepTape ? T * N * H : 0)
            let extra = FloatScratch(count: keepTape ? T * N * H : N * H)
            let pre = FloatScratch(uninitializedCount: keepsPre ? T * N * G : N * G)
            let post = FloatScratch(uninitializedCount: keepTape ? T * N * G : N * G)
            let hr = FloatScratch(count: N * G), rh = FloatScratch(count: N * H)
            for s in 0..<T {
                if keepTape { (previous.pointer + s * N * H).update(from: h, count: N * H) }
                p.recurrentProduct(direction: d, states: h, rows: lbr ? G : 2 * H, out: hr.pointer, ldc: G)
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let a = pre.pointer + s * preStride + b * G, act = post.pointer + s * gateStride + b * G
                    let xRow = xw.pointer + (t * N + b) * G, hRow = hr.pointer + b * G
                    for j in 0..<(2 * H) { a[j] = xRow[j] + wb[j] + rb[j] + hRow[j] }
                    f.apply(a, act, count: 2 * H, clip: clip)
                    if !lbr {
                        let out = rh.pointer + b * H, state = h + b * H
                        for j in 0..<H { out[j] = act[H + j] * state[j] }
                    }
                }
                if !lbr {
                    p.recurrentProduct(
                        direction: d, states: rh.pointer, firstRow: 2 * H, rows: H, out: hr.pointer + 2 * H, ldc: G)
                }
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let a = pre.pointer + s * preStride + b * G, act = post.pointer + s * gateStride + b * G
                    let xRow = xw.pointer + (t * N + b) * G + 2 * H, hRow = hr.pointer + b * G + 2 * H
                    let keep = extra.pointer + s * stateStride + b * H
                    if lbr {
                        for j in 0..<H {
                            let q = hRow[j] + rb[2 * H + j]
                            keep[j] = q
                            a[2 * H + j] = xRow[j] + wb[2 * H + j] + act[H + j] * q
                        }
                    } else {
                        keep.update(from: rh.pointer + b * H, count: H)
                        for j in 0..<H { a[2 * H + j] = xRow[j] + wb[2 * H + j] + rb[2 * H + j] + hRow[j] }
                    }
                    g.apply(a + 2 * H, act + 2 * H, count: H, clip: clip)
                    let isSigmoidGate = f == .sigmoid
                    let state = h + b * H, out = y.pointer + ((t * D + d) * N + b) * H
                    for j in 0..<H {
                        let z = act[j]
                        // For a sigmoid gate, 1 − z = σ(−a) exactly; 1 − σ(a) rounds to 0 as z → 1.
                        let keepNew = isSigmoidGate ? 1 / (1 + exp(min(max(a[j], -clip), clip))) : 1 - z
                        let value = keepNew * act[2 * H + j] + z * state[j]
                        state[j] = value
                        out[j] = value
                    }
                }
            }
            tape.previous.append(previous)
            tape.preactivation.append(keepsPre ? pre : post)
            tape.activation.append(post)
            tape.extra.append(extra)
        }
        return output(p, y: y, finalH: finalH, finalC: nil, tape: tape, keepTape: keepTape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (p, tape, grads) = try beginBackward(inputs, forward, outputGradients)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 3 * H
        let lbr = linearBeforeReset
        let dY = grads.dY, dR = grads.dR, dH0 = grads.dH0
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1]
            let dWb = grads.dB.pointer + d * 2 * G, dRb = dWb + G
            let dXW = FloatScratch(count: T * N * G), dA = FloatScratch(count: N * G)
            let dPrev = FloatScratch(count: N * H), dRH = FloatScratch(count: N * H)
            let pre = tape.preactivation[d], post = tape.activation[d]
            let previous = tape.previous[d], extra = tape.extra[d]
            var dh = dH0.pointer + d * N * H, spare = dPrev.pointer
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    let row = dA.pointer + b * G
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        row.update(repeating: 0, count: G)
                        (spare + b * H).update(from: dh + b * H, count: H)
                        continue
                    }
                    let a = pre.pointer + (s * N + b) * G, act = post.pointer + (s * N + b) * G
                    let upstream = dY.pointer + ((t * D + d) * N + b) * H, carried = dh + b * H
                    let hp = previous.pointer + (s * N + b) * H, keep = extra.pointer + (s * N + b) * H
                    let dxw = dXW.pointer + (t * N + b) * G, direct = spare + b * H
                    for j in 0..<H {
                        let grad = carried[j] + upstream[j]
                        let z = act[j], candidate = act[2 * H + j]
                        let daz = grad * (hp[j] - candidate) * f.derivative(x: a[j], y: z) * attributes.clipMask(a[j])
                        let ah = a[2 * H + j]
                        let dah = grad * (1 - z) * g.derivative(x: ah, y: candidate) * attributes.clipMask(ah)
                        direct[j] = grad * z
                        row[j] = daz
                        dxw[j] = daz
                        dxw[2 * H + j] = dah
                        dWb[j] += daz
                        dRb[j] += daz
                        dWb[2 * H + j] += dah
                        if lbr {
                            let r = act[H + j], ar = a[H + j]
                            let dar = dah * keep[j] * f.derivative(x: ar, y: r) * attributes.clipMask(ar)
                            row[H + j] = dar
                            row[2 * H + j] = dah * r
                            dxw[H + j] = dar
                            dWb[H + j] += dar
                            dRb[H + j] += dar
                            dRb[2 * H + j] += dah * r
                        } else {
                            row[2 * H + j] = dah
                            dRb[2 * H + j] += dah
                        }
                    }
                }
                if !lbr {
                    // d(r ⊙ H) = dA_h · Rh, then the reset gate's share.
                    p.recurrentStateGradient(
                        direction: d, dA: dA.pointer, firstRow: 2 * H, rows: H, dStates: dRH.pointer, accumulate: false)
                    for b in 0..<N {
                        guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                        let a = pre.pointer + (s * N + b) * G, act = post.pointer + (s * N + b) * G
                        let hp = previous.pointer + (s * N + b) * H, drh = dRH.pointer + b * H
                        let row = dA.pointer + b * G, dxw = dXW.pointer + (t * N + b) * G, direct = spare + b * H
                        for j in 0..<H {
                            let ar = a[H + j], r = act[H + j]
                            let dar = drh[j] * hp[j] * f.derivative(x: ar, y: r) * attributes.clipMask(ar)
                            direct[j] += drh[j] * r
                            row[H + j] = dar
                            dxw[H + j] = dar
                            dWb[H + j] += dar
                            dRb[H + j] += dar
                        }
                    }
                }
                let states = previous.pointer + s * N * H
                if lbr {
                    p.accumulateRecurrentWeightGradient(direction: d, dA: dA.pointer, states: states, dR: dR)
                } else {
                    p.accumulateRecurrentWeightGradient(
                        direction: d, dA: dA.pointer, states: states, dR: dR, rows: 2 * H)
                    p.accumulateRecurrentWeightGradient(
                        direction: d, dA: dA.pointer, states: extra.pointer + s * N * H, dR: dR, firstRow: 2 * H,
                        rows: H)
                }
                p.recurrentStateGradient(
                    direction: d, dA: dA.pointer, rows: lbr ? G : 2 * H, dStates: spare, accumulate: true)
                swap(&dh, &spare)
            }
            grads.endDirection(d, p, dXW: dXW, dh: dh)
        }
        return grads.inputGradients(p, batchFirst: attributes.batchFirst)
    }
}
