/// ONNX LSTM (opsets 7–22) with gates i, o, f, c and optional peepholes P:
/// `i = f(X·Wiᵀ + H·Riᵀ + Pi ⊙ C + Wbi + Rbi)`, `f` likewise (or `1 − i` with input_forget),
/// `c̃ = g(X·Wcᵀ + H·Rcᵀ + Wbc + Rbc)`, `C' = f ⊙ C + i ⊙ c̃`, `o = f(… + Po ⊙ C')`,
/// `H' = o ⊙ h(C')`; forward, reverse or bidirectional, with sequence_lens, initial_h,
/// initial_c, clip, activations and both layouts. Outputs Y, Y_h and Y_c. Backward is
/// backpropagation through time over the saved pre-activations and cell states.
struct LSTMKernel: RecurrentKernel {
    static let opType = "LSTM"
    static let gates = 4
    static let cellState = true

    let context: NeuralNodeContext
    let attributes: RecurrentAttributes
    let weights = RecurrentWeights()
    private let inputForget: Bool

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.sigmoid, .tanh, .tanh])
        inputForget = try context.flag("input_forget")
    }

    /// Per direction and step (processing order): previous hidden state, the new cell state and
    /// h(new cell) (each N·H), and the gate pre-activations (peepholes included; the gate values
    /// again when backward does not need them) and values (N·4H, order i, o, f, c). A step's
    /// previous cell state is the step before's new one (initial_c for the first).
    struct Tape: RecurrentTape {
        var previousH: [FloatScratch] = []
        var cell: [FloatScratch] = []
        var cellActivation: [FloatScratch] = []
        var preactivation: [FloatScratch] = []
        var activation: [FloatScratch] = []
    }

    func run(_ inputs: [Tensor?], keepTape: Bool) throws -> KernelOutput {
        let p = try recurrentInputs(inputs)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 4 * H
        let clip = attributes.clip
        let y = p.outputBuffer()
        let finalH = FloatScratch(p.initialH.array), finalC = FloatScratch(p.initialC.array)
        var tape = Tape()
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1], hAct = attributes.activations[d][2]
            let xw = p.projectInputs(direction: d), bias = p.combinedBias(direction: d), biasRow = bias.pointer
            let pi = p.peepholes.pointer + d * 3 * H, po = pi + H, pf = pi + 2 * H, peepholes = p.has.peepholes
            let h = finalH.pointer + d * N * H, c = finalC.pointer + d * N * H
            let keepsPre = keepTape && attributes.keepsPreactivations, preStride = keepsPre ? N * G : 0
            let gateStride = keepTape ? N * G : 0, stateStride = keepTape ? N * H : 0
            let previousH = FloatScratch(uninitializedCount: keepTape ? T * N * H : 0)
            let cell = FloatScratch(uninitializedCount: keepTape ? T * N * H : N * H)
            let cellAct = FloatScratch(uninitializedCount: keepTape ? T * N * H : N * H)
            let pre = FloatScratch(uninitializedCount: keepsPre ? T * N * G : N * G)
            let post = FloatScratch(uninitializedCount: keepTape ? T * N * G : N * G)
            let hr = FloatScratch(uninitializedCount: N * G)
            for s in 0..<T {
                if keepTape { (previousH.pointer + s * N * H).update(from: h, count: N * H) }
                p.recurrentProduct(direction: d, states: h, rows: G, out: hr.pointer, ldc: G)
                for b in 0..<N {
                    let cOut = cell.pointer + s * stateStride + b * H, cp = c + b * H
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        cOut.update(from: cp, count: H)
                        continue
                    }
                    let a = pre.pointer + s * preStride + b * G, act = post.pointer + s * gateStride + b * G
                    let xRow = xw.pointer + (t * N + b) * G, hRow = hr.pointer + b * G
                    // Gate rows as pointers (i, o, f, c), so that these loops carry no index arithmetic and vectorise.
                    let ai = a, ao = a + H, af = a + 2 &* H
                    let input = act, output = act + H, forget = act + 2 &* H, candidate = act + 3 &* H
                    for j in 0..<G { a[j] = xRow[j] + biasRow[j] + hRow[j] }
                    if peepholes {
                        for j in 0..<H {
                            ai[j] += pi[j] * cp[j]
                            af[j] += pf[j] * cp[j]
                        }
                        f.apply(ai, input, count: H, clip: clip)
                        if !inputForget { f.apply(af, forget, count: H, clip: clip) }
                    } else {
                        // Without peepholes the o gate does not wait for the new cell: i, o (and f) in one pass.
                        f.apply(a, act, count: inputForget ? 2 * H : 3 * H, clip: clip)
                    }
                    if inputForget {
                        for j in 0..<H { forget[j] = 1 - input[j] }
                    }
                    g.apply(a + 3 &* H, candidate, count: H, clip: clip)
                    for j in 0..<H {
                        let value = forget[j] * cp[j] + input[j] * candidate[j]
                        cOut[j] = value
                        cp[j] = value
                    }
                    if peepholes {
                        for j in 0..<H { ao[j] += po[j] * cOut[j] }
                        f.apply(ao, output, count: H, clip: clip)
                    }
                    let hc = cellAct.pointer + s * stateStride + b * H
                    hAct.apply(cOut, hc, count: H, clip: .infinity)
                    let state = h + b * H, out = y.pointer + ((t * D + d) * N + b) * H
                    for j in 0..<H {
                        let value = output[j] * hc[j]
                        state[j] = value
                        out[j] = value
                    }
                }
            }
            tape.previousH.append(previousH)
            tape.cell.append(cell)
            tape.cellActivation.append(cellAct)
            tape.preactivation.append(keepsPre ? pre : post)
            tape.activation.append(post)
        }
        return output(p, y: y, finalH: finalH, finalC: finalC, tape: tape, keepTape: keepTape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (p, tape, grads) = try beginBackward(inputs, forward, outputGradients)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 4 * H
        let dY = grads.dY, dH0 = grads.dH0, dC0 = grads.dC0
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1], hAct = attributes.activations[d][2]
            let pi = p.peepholes.pointer + d * 3 * H, po = pi + H, pf = pi + 2 * H
            let dPi = grads.dP.pointer + d * 3 * H, dPo = dPi + H, dPf = dPi + 2 * H
            let dWb = grads.dB.pointer + d * 2 * G, dRb = dWb + G
            let dXW = FloatScratch(count: T * N * G), dA = FloatScratch(count: N * G)
            let dPrevH = FloatScratch(count: N * H), dPrevC = FloatScratch(count: N * H)
            let pre = tape.preactivation[d], post = tape.activation[d]
            let previousH = tape.previousH[d], initialC = p.initialC.pointer + d * N * H
            let cell = tape.cell[d], cellAct = tape.cellActivation[d]
            var dh = dH0.pointer + d * N * H, spareH = dPrevH.pointer
            var dc = dC0.pointer + d * N * H, spareC = dPrevC.pointer
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    let row = dA.pointer + b * G
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        row.update(repeating: 0, count: G)
                        (spareC + b * H).update(from: dc + b * H, count: H)
                        continue
                    }
                    let a = pre.pointer + (s * N + b) * G, act = post.pointer + (s * N + b) * G
                    let upstream = dY.pointer + ((t * D + d) * N + b) * H
                    let carriedH = dh + b * H, carriedC = dc + b * H, outC = spareC + b * H
                    let cNew = cell.pointer + (s * N + b) * H, hc = cellAct.pointer + (s * N + b) * H
                    let cp = s == 0 ? initialC + b * H : cell.pointer + ((s - 1) * N + b) * H
                    let dxw = dXW.pointer + (t * N + b) * G
                    for j in 0..<H {
                        let grad = carriedH[j] + upstream[j]
                        let i = act[j], o = act[H + j], forget = act[2 * H + j], candidate = act[3 * H + j]
                        let ai = a[j], ao = a[H + j], af = a[2 * H + j], ac = a[3 * H + j]
                        let dao = grad * hc[j] * f.derivative(x: ao, y: o) * attributes.clipMask(ao)
                        let dC = carriedC[j] + grad * o * hAct.derivative(x: cNew[j], y: hc[j]) + dao * po[j]
                        var di = dC * candidate
                        let dForget = dC * cp[j]
                        var daf: Float = 0
                        if inputForget {
                            di -= dForget
                        } else {
                            daf = dForget * f.derivative(x: af, y: forget) * attributes.clipMask(af)
                        }
                        let dai = di * f.derivative(x: ai, y: i) * attributes.clipMask(ai)
                        let dac = dC * i * g.derivative(x: ac, y: candidate) * attributes.clipMask(ac)
                        outC[j] = dC * forget + dai * pi[j] + daf * pf[j]
                        dPi[j] += dai * cp[j]
                        dPo[j] += dao * cNew[j]
                        dPf[j] += daf * cp[j]
                        row[j] = dai
                        row[H + j] = dao
                        row[2 * H + j] = daf
                        row[3 * H + j] = dac
                    }
                    for k in 0..<G {
                        dxw[k] = row[k]
                        dWb[k] += row[k]
                        dRb[k] += row[k]
                    }
                }
                p.recurrentStepBack(
                    direction: d, step: s, reverse: reverse, dA: dA.pointer, states: previousH.pointer + s * N * H,
                    dR: grads.dR, dh: dh, dPrevious: spareH)
                swap(&dh, &spareH)
                swap(&dc, &spareC)
            }
            grads.endDirection(d, p, dXW: dXW, dh: dh, dc: dc)
        }
        return grads.inputGradients(p, batchFirst: attributes.batchFirst)
    }
}
