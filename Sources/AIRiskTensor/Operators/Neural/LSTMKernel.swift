/// ONNX LSTM (opsets 7–22) with gates i, o, f, c and optional peepholes P:
/// `i = f(X·Wiᵀ + H·Riᵀ + Pi ⊙ C + Wbi + Rbi)`, `f` likewise (or `1 − i` with input_forget),
/// `c̃ = g(X·Wcᵀ + H·Rcᵀ + Wbc + Rbc)`, `C' = f ⊙ C + i ⊙ c̃`, `o = f(… + Po ⊙ C')`,
/// `H' = o ⊙ h(C')`; forward, reverse or bidirectional, with sequence_lens, initial_h,
/// initial_c, clip, activations and both layouts. Outputs Y, Y_h and Y_c. Backward is
/// backpropagation through time over the saved pre-activations and cell states.
struct LSTMKernel: Kernel {
    static let opType = "LSTM"

    private let context: NeuralNodeContext
    private let attributes: RecurrentAttributes
    private let inputForget: Bool

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.sigmoid, .tanh, .tanh])
        inputForget = try context.int("input_forget", default: 0) != 0
    }

    /// Per direction and step: previous hidden and cell states, the new cell state (each N·H)
    /// and the gate pre-activations including peepholes (N·4H, order i, o, f, c).
    private struct Tape: Sendable {
        var previousH: [[Float]] = []
        var previousC: [[Float]] = []
        var cell: [[Float]] = []
        var preactivation: [[Float]] = []
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 4, cellState: true)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, G = 4 * H
        var y = [Float](repeating: 0, count: T * D * N * H)
        var finalH = p.initialH, finalC = p.initialC
        var tape = Tape()
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1], hAct = attributes.activations[d][2]
            let xw = p.projectInputs(direction: d)
            let wb = d * 2 * G, rb = wb + G, pb = d * 3 * H
            let slice = (d * N * H)..<((d + 1) * N * H)
            var h = Array(p.initialH[slice]), c = Array(p.initialC[slice])
            var previousH = [Float](repeating: 0, count: T * N * H)
            var previousC = previousH, cell = previousH
            var pre = [Float](repeating: 0, count: T * N * G)
            var hr = [Float](repeating: 0, count: N * G)
            for s in 0..<T {
                let state = (s * N * H)..<((s + 1) * N * H)
                previousH.replaceSubrange(state, with: h)
                previousC.replaceSubrange(state, with: c)
                h.withUnsafeBufferPointer { hp in
                    p.r.withUnsafeBufferPointer { rp in
                        hr.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                transB: true, m: N, n: G, k: H, a: hp.baseAddress!, lda: H,
                                b: rp.baseAddress! + d * G * H, ldb: H, beta: 0, c: op.baseAddress!, ldc: G)
                        }
                    }
                }
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        cell[(s * N + b) * H..<(s * N + b + 1) * H] = c[b * H..<(b + 1) * H]
                        continue
                    }
                    let row = (t * N + b) * G, out = (s * N + b) * G
                    for j in 0..<H {
                        func gate(_ k: Int) -> Float {
                            xw[row + k * H + j] + p.b[wb + k * H + j] + p.b[rb + k * H + j] + hr[b * G + k * H + j]
                        }
                        let cp = c[b * H + j]
                        let ai = gate(0) + p.peepholes[pb + j] * cp
                        let af = gate(2) + p.peepholes[pb + 2 * H + j] * cp
                        let ac = gate(3)
                        let i = f.apply(attributes.clipped(ai))
                        let forget = inputForget ? 1 - i : f.apply(attributes.clipped(af))
                        let candidate = g.apply(attributes.clipped(ac))
                        let cNew = forget * cp + i * candidate
                        let ao = gate(1) + p.peepholes[pb + H + j] * cNew
                        let o = f.apply(attributes.clipped(ao))
                        let value = o * hAct.apply(cNew)
                        pre[out + j] = ai
                        pre[out + H + j] = ao
                        pre[out + 2 * H + j] = af
                        pre[out + 3 * H + j] = ac
                        cell[(s * N + b) * H + j] = cNew
                        c[b * H + j] = cNew
                        h[b * H + j] = value
                        y[((t * D + d) * N + b) * H + j] = value
                    }
                }
            }
            finalH.replaceSubrange(slice, with: h)
            finalC.replaceSubrange(slice, with: c)
            tape.previousH.append(previousH)
            tape.previousC.append(previousC)
            tape.cell.append(cell)
            tape.preactivation.append(pre)
        }
        let outputs = RecurrentLayout.outputs(
            y: y, finalH: finalH, finalC: finalC, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst,
            count: context.outputCount)
        return KernelOutput(outputs: outputs, saved: tape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 4, cellState: true)
        guard let tape = forward.saved as? Tape else {
            throw context.inputError(0, "backward needs this kernel's own forward result")
        }
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, I = p.inputSize, G = 4 * H
        let grads = RecurrentLayout.outputGradients(outputGradients, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst)
        var dX = [Float](repeating: 0, count: T * N * I)
        var dW = [Float](repeating: 0, count: p.w.count)
        var dR = [Float](repeating: 0, count: p.r.count)
        var dB = [Float](repeating: 0, count: p.b.count)
        var dP = [Float](repeating: 0, count: p.peepholes.count)
        var dH0 = [Float](repeating: 0, count: D * N * H)
        var dC0 = dH0
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0], g = attributes.activations[d][1], hAct = attributes.activations[d][2]
            let wb = d * 2 * G, rb = wb + G, pb = d * 3 * H
            let slice = (d * N * H)..<((d + 1) * N * H)
            var dXW = [Float](repeating: 0, count: T * N * G)
            var dh = Array(grads.dH[slice]), dc = Array(grads.dC[slice])
            var dA = [Float](repeating: 0, count: N * G)
            var dPrevH = [Float](repeating: 0, count: N * H), dPrevC = dPrevH
            let pre = tape.preactivation[d], prevH = tape.previousH[d], prevC = tape.previousC[d], cell = tape.cell[d]
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        for j in 0..<G { dA[b * G + j] = 0 }
                        for j in 0..<H { dPrevC[b * H + j] = dc[b * H + j] }
                        continue
                    }
                    let out = (s * N + b) * G, row = (t * N + b) * G
                    for j in 0..<H {
                        let grad = dh[b * H + j] + grads.dY[((t * D + d) * N + b) * H + j]
                        let ai = pre[out + j], ao = pre[out + H + j], af = pre[out + 2 * H + j], ac = pre[out + 3 * H + j]
                        let i = f.apply(attributes.clipped(ai))
                        let forget = inputForget ? 1 - i : f.apply(attributes.clipped(af))
                        let candidate = g.apply(attributes.clipped(ac))
                        let o = f.apply(attributes.clipped(ao))
                        let cNew = cell[(s * N + b) * H + j], cp = prevC[(s * N + b) * H + j]
                        let dao = grad * hAct.apply(cNew) * f.derivative(attributes.clipped(ao)) * attributes.clipMask(ao)
                        let dC = dc[b * H + j] + grad * o * hAct.derivative(cNew) + dao * p.peepholes[pb + H + j]
                        var di = dC * candidate
                        let dForget = dC * cp
                        var daf: Float = 0
                        if inputForget {
                            di -= dForget
                        } else {
                            daf = dForget * f.derivative(attributes.clipped(af)) * attributes.clipMask(af)
                        }
                        let dai = di * f.derivative(attributes.clipped(ai)) * attributes.clipMask(ai)
                        let dac = dC * i * g.derivative(attributes.clipped(ac)) * attributes.clipMask(ac)
                        dPrevC[b * H + j] = dC * forget + dai * p.peepholes[pb + j] + daf * p.peepholes[pb + 2 * H + j]
                        dP[pb + j] += dai * cp
                        dP[pb + H + j] += dao * cNew
                        dP[pb + 2 * H + j] += daf * cp
                        for k in 0..<4 {
                            let v = k == 0 ? dai : k == 1 ? dao : k == 2 ? daf : dac
                            dA[b * G + k * H + j] = v
                            dXW[row + k * H + j] = v
                            dB[wb + k * H + j] += v
                            dB[rb + k * H + j] += v
                        }
                    }
                }
                dA.withUnsafeBufferPointer { ap in
                    prevH.withUnsafeBufferPointer { hp in
                        dR.withUnsafeMutableBufferPointer { drp in
                            p.accumulateRecurrentWeightGradient(
                                direction: d, dA: ap.baseAddress!, states: hp.baseAddress! + s * N * H,
                                dR: drp.baseAddress!)
                        }
                    }
                    p.r.withUnsafeBufferPointer { rp in
                        dPrevH.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                m: N, n: H, k: G, a: ap.baseAddress!, lda: G, b: rp.baseAddress! + d * G * H, ldb: H,
                                beta: 0, c: op.baseAddress!, ldc: H)
                        }
                    }
                }
                for b in 0..<N where p.time(step: s, sample: b, reverse: reverse) == nil {
                    for j in 0..<H { dPrevH[b * H + j] = dh[b * H + j] }
                }
                swap(&dh, &dPrevH)
                swap(&dc, &dPrevC)
            }
            dH0.replaceSubrange(slice, with: dh)
            dC0.replaceSubrange(slice, with: dc)
            p.accumulateInputGradients(direction: d, dXW: dXW, dX: &dX, dW: &dW)
        }
        let xGradient =
            attributes.batchFirst
            ? Tensor(shape: [N, T, I], scalars: RecurrentLayout.swapLeadingAxes(dX, T: T, N: N, inner: I))
            : Tensor(shape: [T, N, I], scalars: dX)
        return [xGradient, Tensor(shape: [D, G, I], scalars: dW), Tensor(shape: [D, G, H], scalars: dR)]
            + p.optionalGradients(dB: dB, dH0: dH0, dC0: dC0, dP: dP, batchFirst: attributes.batchFirst)
    }
}
