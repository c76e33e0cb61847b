/// ONNX RNN (opsets 7–22): `H_t = f(X_t·Wᵀ + H_{t−1}·Rᵀ + Wb + Rb)`, forward, reverse or
/// bidirectional, with sequence_lens, initial_h, clip, activations and both layouts. The input
/// projection is one sgemm over all steps, the recurrence one sgemm per step. The backward pass
/// is backpropagation through time over the states saved by the forward pass.
struct RNNKernel: TapeFreeForward {
    static let opType = "RNN"

    private let context: NeuralNodeContext
    private let attributes: RecurrentAttributes

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.tanh])
    }

    /// Per direction: the previous state, the pre-activation and the new state of every step,
    /// each (T, N, H) in processing order.
    private struct Tape: Sendable {
        var previous: [FloatScratch] = []
        var preactivation: [FloatScratch] = []
        var activation: [FloatScratch] = []
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { try run(inputs, keepTape: true) }

    func forwardWithoutTape(_ inputs: [Tensor?]) throws -> KernelOutput { try run(inputs, keepTape: false) }

    private func run(_ inputs: [Tensor?], keepTape: Bool) throws -> KernelOutput {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 1, cellState: false)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions
        let y = FloatScratch(count: T * D * N * H)
        let finalH = FloatScratch(p.initialH.array)
        var tape = Tape()
        let clip = attributes.clip
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0]
            let xw = p.projectInputs(direction: d), bias = p.combinedBias(direction: d)
            let h = finalH.pointer + d * N * H
            let keepsPre = keepTape && attributes.keepsPreactivations, preStride = keepsPre ? N * H : 0
            let stepStride = keepTape ? N * H : 0
            let previous = FloatScratch(uninitializedCount: keepTape ? T * N * H : 0)
            let pre = FloatScratch(uninitializedCount: keepsPre ? T * N * H : N * H)
            let post = FloatScratch(uninitializedCount: keepTape ? T * N * H : N * H)
            let hr = FloatScratch(uninitializedCount: N * H)
            for s in 0..<T {
                if keepTape { (previous.pointer + s * N * H).update(from: h, count: N * H) }
                p.recurrentProduct(direction: d, states: h, rows: H, out: hr.pointer, ldc: H)
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let a = pre.pointer + s * preStride + b * H, act = post.pointer + s * stepStride + b * H
                    let xRow = xw.pointer + (t * N + b) * H, hRow = hr.pointer + b * H
                    for j in 0..<H { a[j] = xRow[j] + bias.pointer[j] + hRow[j] }
                    f.apply(a, act, count: H, clip: clip)
                    (h + b * H).update(from: act, count: H)
                    (y.pointer + ((t * D + d) * N + b) * H).update(from: act, count: H)
                }
            }
            tape.previous.append(previous)
            tape.preactivation.append(keepsPre ? pre : post)
            tape.activation.append(post)
        }
        let outputs = RecurrentLayout.outputs(
            y: y.array, finalH: finalH.array, finalC: nil, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst,
            count: context.outputCount)
        return KernelOutput(outputs: outputs, saved: keepTape ? tape : nil)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 1, cellState: false)
        guard let tape = forward.saved as? Tape else {
            throw context.inputError(0, "backward needs this kernel's own forward result")
        }
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, I = p.inputSize
        guard tape.preactivation.count == D, tape.preactivation.allSatisfy({ $0.count == T * N * H }) else {
            throw context.inputError(0, "changed shape between the forward and the backward pass")
        }
        let grads = RecurrentLayout.outputGradients(
            outputGradients, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst)
        let dY = FloatScratch(grads.dY)
        let dX = FloatScratch(count: T * N * I), dW = FloatScratch(count: p.w.count)
        let dR = FloatScratch(count: p.r.count), dB = FloatScratch(count: p.b.count)
        let dH0 = FloatScratch(grads.dH)
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0]
            let dXW = FloatScratch(count: T * N * H), dA = FloatScratch(count: N * H),
                dPrev = FloatScratch(count: N * H)
            let pre = tape.preactivation[d], post = tape.activation[d]
            let previous = tape.previous[d]
            var dh = dH0.pointer + d * N * H, spare = dPrev.pointer
            let dBias = dB.pointer + d * 2 * H
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    let g = dA.pointer + b * H
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        g.update(repeating: 0, count: H)
                        continue
                    }
                    let a = pre.pointer + (s * N + b) * H, act = post.pointer + (s * N + b) * H
                    let upstream = dY.pointer + ((t * D + d) * N + b) * H, carried = dh + b * H
                    let dxw = dXW.pointer + (t * N + b) * H
                    for j in 0..<H {
                        let da =
                            (carried[j] + upstream[j]) * f.derivative(x: a[j], y: act[j]) * attributes.clipMask(a[j])
                        g[j] = da
                        dxw[j] = da
                        dBias[j] += da
                    }
                }
                p.accumulateRecurrentWeightGradient(
                    direction: d, dA: dA.pointer, states: previous.pointer + s * N * H, dR: dR)
                p.recurrentStateGradient(direction: d, dA: dA.pointer, rows: H, dStates: spare, accumulate: false)
                for b in 0..<N where p.time(step: s, sample: b, reverse: reverse) == nil {
                    (spare + b * H).update(from: dh + b * H, count: H)
                }
                swap(&dh, &spare)
            }
            if dh != dH0.pointer + d * N * H { (dH0.pointer + d * N * H).update(from: dh, count: N * H) }
            for j in 0..<H { dBias[H + j] = dBias[j] }
            p.accumulateInputGradients(direction: d, dXW: dXW, dX: dX, dW: dW)
        }
        return [
            p.inputGradient(dX, batchFirst: attributes.batchFirst), Tensor(shape: [D, H, I], scalars: dW.array),
            Tensor(shape: [D, H, H], scalars: dR.array),
        ]
            + p.optionalGradients(dB: dB, dH0: dH0, dC0: nil, dP: nil, batchFirst: attributes.batchFirst)
    }
}
