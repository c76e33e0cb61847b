/// ONNX RNN (opsets 7–22): `H_t = f(X_t·Wᵀ + H_{t−1}·Rᵀ + Wb + Rb)`, forward, reverse or
/// bidirectional, with sequence_lens, initial_h, clip, activations and both layouts. The input
/// projection is one sgemm over all steps, the recurrence one sgemm per step. The backward pass
/// is backpropagation through time over the states saved by the forward pass.
struct RNNKernel: RecurrentKernel {
    static let opType = "RNN"
    static let gates = 1

    let context: NeuralNodeContext
    let attributes: RecurrentAttributes
    let weights = RecurrentWeights()

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.tanh])
    }

    /// Per direction: the previous state, the pre-activation and the new state of every step,
    /// each (T, N, H) in processing order.
    struct Tape: RecurrentTape {
        var previous: [FloatScratch] = []
        var preactivation: [FloatScratch] = []
        var activation: [FloatScratch] = []
    }

    func run(_ inputs: [Tensor?], keepTape: Bool) throws -> KernelOutput {
        let p = try recurrentInputs(inputs)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions
        let y = p.outputBuffer()
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
        return output(p, y: y, finalH: finalH, finalC: nil, tape: tape, keepTape: keepTape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (p, tape, grads) = try beginBackward(inputs, forward, outputGradients)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions
        let dY = grads.dY, dH0 = grads.dH0
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0]
            let dXW = FloatScratch(count: T * N * H), dA = FloatScratch(count: N * H),
                dPrev = FloatScratch(count: N * H)
            let pre = tape.preactivation[d], post = tape.activation[d]
            let previous = tape.previous[d]
            var dh = dH0.pointer + d * N * H, spare = dPrev.pointer
            let dBias = grads.dB.pointer + d * 2 * H
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
                p.recurrentStepBack(
                    direction: d, step: s, reverse: reverse, dA: dA.pointer, states: previous.pointer + s * N * H,
                    dR: grads.dR, dh: dh, dPrevious: spare)
                swap(&dh, &spare)
            }
            for j in 0..<H { dBias[H + j] = dBias[j] }
            grads.endDirection(d, p, dXW: dXW, dh: dh)
        }
        return grads.inputGradients(p, batchFirst: attributes.batchFirst)
    }
}
