/// ONNX RNN (opsets 7–22): `H_t = f(X_t·Wᵀ + H_{t−1}·Rᵀ + Wb + Rb)`, forward, reverse or
/// bidirectional, with sequence_lens, initial_h, clip, activations and both layouts. The input
/// projection is one sgemm over all steps, the recurrence one sgemm per step. The backward pass
/// is backpropagation through time over the states saved by the forward pass.
struct RNNKernel: Kernel {
    static let opType = "RNN"

    private let context: NeuralNodeContext
    private let attributes: RecurrentAttributes

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        attributes = try RecurrentAttributes(context, defaults: [.tanh])
    }

    /// Per direction: the previous state (T, N, H) and the pre-activation (T, N, H) of every step.
    private struct Tape: Sendable {
        var previous: [[Float]]
        var preactivation: [[Float]]
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 1, cellState: false)
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions
        var y = [Float](repeating: 0, count: T * D * N * H)
        var finalH = p.initialH
        var tape = Tape(previous: [], preactivation: [])
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0]
            let xw = p.projectInputs(direction: d)
            var h = Array(p.initialH[(d * N * H)..<((d + 1) * N * H)])
            var previous = [Float](repeating: 0, count: T * N * H)
            var pre = [Float](repeating: 0, count: T * N * H)
            var hr = [Float](repeating: 0, count: N * H)
            let biasBase = d * 2 * H
            for s in 0..<T {
                previous.replaceSubrange((s * N * H)..<((s + 1) * N * H), with: h)
                h.withUnsafeBufferPointer { hp in
                    p.r.withUnsafeBufferPointer { rp in
                        hr.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                transB: true, m: N, n: H, k: H, a: hp.baseAddress!, lda: H,
                                b: rp.baseAddress! + d * H * H, ldb: H, beta: 0, c: op.baseAddress!, ldc: H)
                        }
                    }
                }
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else { continue }
                    let row = (t * N + b) * H
                    for j in 0..<H {
                        let a = xw[row + j] + p.b[biasBase + j] + p.b[biasBase + H + j] + hr[b * H + j]
                        pre[(s * N + b) * H + j] = a
                        let value = f.apply(attributes.clipped(a))
                        h[b * H + j] = value
                        y[((t * D + d) * N + b) * H + j] = value
                    }
                }
            }
            finalH.replaceSubrange((d * N * H)..<((d + 1) * N * H), with: h)
            tape.previous.append(previous)
            tape.preactivation.append(pre)
        }
        let outputs = RecurrentLayout.outputs(
            y: y, finalH: finalH, finalC: nil, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst,
            count: context.outputCount)
        return KernelOutput(outputs: outputs, saved: tape)
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let p = try RecurrentInputs(context, inputs, attributes: attributes, gates: 1, cellState: false)
        guard let tape = forward.saved as? Tape else {
            throw context.inputError(0, "backward needs this kernel's own forward result")
        }
        let T = p.steps, N = p.batch, H = p.hidden, D = p.directions, I = p.inputSize
        let grads = RecurrentLayout.outputGradients(outputGradients, T: T, D: D, N: N, H: H, batchFirst: attributes.batchFirst)
        var dX = [Float](repeating: 0, count: T * N * I)
        var dW = [Float](repeating: 0, count: p.w.count)
        var dR = [Float](repeating: 0, count: p.r.count)
        var dB = [Float](repeating: 0, count: p.b.count)
        var dH0 = [Float](repeating: 0, count: D * N * H)
        for d in 0..<D {
            let reverse = attributes.isReverse(d)
            let f = attributes.activations[d][0]
            var dXW = [Float](repeating: 0, count: T * N * H)
            var dh = Array(grads.dH[(d * N * H)..<((d + 1) * N * H)])
            var dA = [Float](repeating: 0, count: N * H)
            var dPrev = [Float](repeating: 0, count: N * H)
            let pre = tape.preactivation[d]
            for s in stride(from: T - 1, through: 0, by: -1) {
                for b in 0..<N {
                    guard let t = p.time(step: s, sample: b, reverse: reverse) else {
                        for j in 0..<H { dA[b * H + j] = 0 }
                        continue
                    }
                    for j in 0..<H {
                        let g = dh[b * H + j] + grads.dY[((t * D + d) * N + b) * H + j]
                        let a = pre[(s * N + b) * H + j]
                        let da = g * f.derivative(attributes.clipped(a)) * attributes.clipMask(a)
                        dA[b * H + j] = da
                        dXW[(t * N + b) * H + j] = da
                        dB[d * 2 * H + j] += da
                    }
                }
                dA.withUnsafeBufferPointer { ap in
                    tape.previous[d].withUnsafeBufferPointer { hp in
                        dR.withUnsafeMutableBufferPointer { rp in
                            p.accumulateRecurrentWeightGradient(
                                direction: d, dA: ap.baseAddress!, states: hp.baseAddress! + s * N * H,
                                dR: rp.baseAddress!)
                        }
                    }
                    p.r.withUnsafeBufferPointer { rp in
                        dPrev.withUnsafeMutableBufferPointer { op in
                            NeuralGEMM.gemm(
                                m: N, n: H, k: H, a: ap.baseAddress!, lda: H, b: rp.baseAddress! + d * H * H, ldb: H,
                                beta: 0, c: op.baseAddress!, ldc: H)
                        }
                    }
                }
                for b in 0..<N where p.time(step: s, sample: b, reverse: reverse) == nil {
                    for j in 0..<H { dPrev[b * H + j] = dh[b * H + j] }
                }
                swap(&dh, &dPrev)
            }
            for j in 0..<H { dB[d * 2 * H + H + j] = dB[d * 2 * H + j] }
            dH0.replaceSubrange((d * N * H)..<((d + 1) * N * H), with: dh)
            p.accumulateInputGradients(direction: d, dXW: dXW, dX: &dX, dW: &dW)
        }
        let xGradient =
            attributes.batchFirst
            ? Tensor(shape: [N, T, I], scalars: RecurrentLayout.swapLeadingAxes(dX, T: T, N: N, inner: I))
            : Tensor(shape: [T, N, I], scalars: dX)
        return [xGradient, Tensor(shape: [D, H, I], scalars: dW), Tensor(shape: [D, H, H], scalars: dR)]
            + p.optionalGradients(dB: dB, dH0: dH0, dC0: nil, dP: nil, batchFirst: attributes.batchFirst)
    }
}
