/// The inputs of one RNN, GRU or LSTM call, checked and rearranged time-major:
/// X (T, N, I), W (D, G·H, I), R (D, G·H, H), B (D, 2·G·H), sequence_lens (N),
/// initial_h / initial_c (D, N, H) and P (D, 3·H), with absent optional inputs as zeros, held in
/// scratch buffers for pointer access in the step loops.
final class RecurrentInputs {
    let steps: Int, batch: Int, inputSize: Int, hidden: Int, directions: Int, gates: Int
    let x: FloatScratch
    let w: FloatScratch
    let r: FloatScratch
    let b: FloatScratch
    let lengths: [Int]
    let initialH: FloatScratch
    let initialC: FloatScratch
    let peepholes: FloatScratch
    let has: (bias: Bool, initialH: Bool, initialC: Bool, peepholes: Bool)

    var gateWidth: Int { gates * hidden }

    init(
        _ context: NeuralNodeContext, _ inputs: [Tensor?], attributes: RecurrentAttributes,
        weights: RecurrentWeights, gates: Int, cellState: Bool
    ) throws {
        let xIn = try context.floatInput(inputs, 0)
        let wIn = try context.floatInput(inputs, 1)
        let rIn = try context.floatInput(inputs, 2)
        guard xIn.shape.count == 3 else { throw context.inputError(0, "must have rank 3, got shape \(xIn.shape)") }
        let H = attributes.hiddenSize, D = attributes.directions, G = gates
        let T = attributes.batchFirst ? xIn.shape[1] : xIn.shape[0]
        let N = attributes.batchFirst ? xIn.shape[0] : xIn.shape[1]
        let I = xIn.shape[2]
        (steps, batch, inputSize, hidden, directions, self.gates) = (T, N, I, H, D, G)
        x = FloatScratch(
            attributes.batchFirst ? RecurrentLayout.swapLeadingAxes(xIn.values, T: N, N: T, inner: I) : xIn.values)
        guard wIn.shape == [D, G * H, I] else {
            throw context.inputError(1, "must have shape \([D, G * H, I]), got \(wIn.shape)")
        }
        guard rIn.shape == [D, G * H, H] else {
            throw context.inputError(2, "must have shape \([D, G * H, H]), got \(rIn.shape)")
        }
        w = weights.w.scratch(of: wIn.values)
        r = weights.r.scratch(of: rIn.values)
        if let bIn = try context.optionalFloatInput(inputs, 3) {
            guard bIn.shape == [D, 2 * G * H] else {
                throw context.inputError(3, "must have shape \([D, 2 * G * H]), got \(bIn.shape)")
            }
            b = weights.b.scratch(of: bIn.values)
        } else {
            b = FloatScratch(count: D * 2 * G * H)
        }
        var lengths = Array(repeating: T, count: N)
        if inputs.count > 4, let seq = inputs[4] {
            let values: [Int]
            if let v = seq.int64s {
                values = v.map { Int($0) }
            } else if let v = seq.floats {
                values = v.map { Int($0) }
            } else {
                throw context.inputError(4, "must be an integer tensor, got \(seq.elementTypeName)")
            }
            guard values.count == N, values.allSatisfy({ $0 >= 0 && $0 <= T }) else {
                throw context.inputError(4, "must hold \(N) lengths between 0 and \(T), got \(values)")
            }
            lengths = values
        }
        self.lengths = lengths
        func state(_ index: Int) throws -> [Float]? {
            guard let s = try context.optionalFloatInput(inputs, index) else { return nil }
            let expected = attributes.batchFirst ? [N, D, H] : [D, N, H]
            guard s.shape == expected else {
                throw context.inputError(index, "must have shape \(expected), got \(s.shape)")
            }
            return attributes.batchFirst ? RecurrentLayout.swapLeadingAxes(s.values, T: N, N: D, inner: H) : s.values
        }
        let h0 = try state(5)
        let c0 = cellState ? try state(6) : nil
        initialH = h0.map(FloatScratch.init) ?? FloatScratch(count: D * N * H)
        initialC = c0.map(FloatScratch.init) ?? FloatScratch(count: D * N * H)
        var p: [Float]? = nil
        if cellState, let pIn = try context.optionalFloatInput(inputs, 7) {
            guard pIn.shape == [D, 3 * H] else {
                throw context.inputError(7, "must have shape \([D, 3 * H]), got \(pIn.shape)")
            }
            p = pIn.values
        }
        peepholes = p.map(FloatScratch.init) ?? FloatScratch(count: D * 3 * H)
        has = (inputs.count > 3 && inputs[3] != nil, h0 != nil, c0 != nil, p != nil)
    }

    /// The time index that direction `reverse` processes for sample `b` at step `s`, or nil when the
    /// sample's sequence has already ended.
    @inline(__always)
    func time(step s: Int, sample b: Int, reverse: Bool) -> Int? {
        let length = lengths[b]
        guard s < length else { return nil }
        return reverse ? length - 1 - s : s
    }

    /// The buffer for Y (T, D, N, H): zeros where a sequence has ended (ONNX's padding), left unset when every
    /// sequence runs all T steps and each position is written (zeroing it cost 3 % of an LSTM at batch 256).
    func outputBuffer() -> FloatScratch {
        let count = steps * directions * batch * hidden
        return lengths.allSatisfy { $0 == steps } ? FloatScratch(uninitializedCount: count) : FloatScratch(count: count)
    }

    /// X · W_dᵀ for all time steps at once: (T·N, G·H), row `t·N + b`.
    func projectInputs(direction d: Int) -> FloatScratch {
        // The product overwrites every value (beta 0).
        let xw = FloatScratch(uninitializedCount: steps * batch * gateWidth)
        BLAS.sgemm(
            transB: true, m: steps * batch, n: gateWidth, k: inputSize, a: x.pointer, lda: inputSize,
            b: w.pointer + d * gateWidth * inputSize, ldb: inputSize, beta: 0, c: xw.pointer, ldc: gateWidth)
        return xw
    }

    /// Given dL/d(X·W_dᵀ) for all steps, adds dL/dX (time-major) and dL/dW_d.
    func accumulateInputGradients(direction d: Int, dXW: FloatScratch, dX: FloatScratch, dW: FloatScratch) {
        BLAS.sgemm(
            m: steps * batch, n: inputSize, k: gateWidth, a: dXW.pointer, lda: gateWidth,
            b: w.pointer + d * gateWidth * inputSize, ldb: inputSize, beta: 1, c: dX.pointer, ldc: inputSize)
        BLAS.sgemm(
            transA: true, m: gateWidth, n: inputSize, k: steps * batch, a: dXW.pointer, lda: gateWidth,
            b: x.pointer, ldb: inputSize, beta: 1, c: dW.pointer + d * gateWidth * inputSize, ldc: inputSize)
    }

    /// `out (N, n) = H (N, H) · R_d[rows]ᵀ` for the gate rows starting at `firstRow`; `out` has row stride `ldc`.
    func recurrentProduct(
        direction d: Int, states: UnsafePointer<Float>, firstRow: Int = 0, rows: Int, out: UnsafeMutablePointer<Float>,
        ldc: Int
    ) {
        BLAS.sgemm(
            transB: true, m: batch, n: rows, k: hidden, a: states, lda: hidden,
            b: r.pointer + (d * gateWidth + firstRow) * hidden, ldb: hidden, beta: 0, c: out, ldc: ldc)
    }

    /// `dStates (N, H) (+)= dA[:, rows] · R_d[rows]` where dA has row stride G·H.
    func recurrentStateGradient(
        direction d: Int, dA: UnsafePointer<Float>, firstRow: Int = 0, rows: Int, dStates: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        BLAS.sgemm(
            m: batch, n: hidden, k: rows, a: dA + firstRow, lda: gateWidth,
            b: r.pointer + (d * gateWidth + firstRow) * hidden, ldb: hidden, beta: accumulate ? 1 : 0, c: dStates,
            ldc: hidden)
    }

    /// dL/dR_d[rows] += dA[:, rows]ᵀ · S where dA is (N, G·H) gate gradients and S the (N, H) states
    /// that multiplied those rows.
    func accumulateRecurrentWeightGradient(
        direction d: Int, dA: UnsafePointer<Float>, states: UnsafePointer<Float>, dR: FloatScratch,
        firstRow: Int = 0, rows: Int? = nil
    ) {
        let rows = rows ?? gateWidth
        BLAS.sgemm(
            transA: true, m: rows, n: hidden, k: batch, a: dA + firstRow, lda: gateWidth, b: states,
            ldb: hidden, beta: 1, c: dR.pointer + (d * gateWidth + firstRow) * hidden, ldc: hidden)
    }

    /// Carries step `s`'s gate gradients dA (N, G) back through R: into dR (with `states`, the hidden
    /// states the step read) and into `dPrevious`, the gradients of those states; samples whose
    /// sequence had ended by this step pass `dh` through unchanged.
    func recurrentStepBack(
        direction d: Int, step s: Int, reverse: Bool, dA: UnsafePointer<Float>, states: UnsafePointer<Float>,
        dR: FloatScratch, dh: UnsafePointer<Float>, dPrevious: UnsafeMutablePointer<Float>
    ) {
        accumulateRecurrentWeightGradient(direction: d, dA: dA, states: states, dR: dR)
        recurrentStateGradient(direction: d, dA: dA, rows: gateWidth, dStates: dPrevious, accumulate: false)
        for b in 0..<batch where time(step: s, sample: b, reverse: reverse) == nil {
            (dPrevious + b * hidden).update(from: dh + b * hidden, count: hidden)
        }
    }

    /// The combined bias Wb + Rb of direction `d` for every gate (G·H values).
    func combinedBias(direction d: Int) -> FloatScratch {
        let sum = FloatScratch(count: gateWidth)
        let wb = b.pointer + d * 2 * gateWidth, rb = wb + gateWidth
        for j in 0..<gateWidth { sum.pointer[j] = wb[j] + rb[j] }
        return sum
    }

    /// dL/dX in the caller's layout.
    func inputGradient(_ dX: FloatScratch, batchFirst: Bool) -> Tensor {
        batchFirst
            ? Tensor(
                shape: [batch, steps, inputSize],
                scalars: RecurrentLayout.swapLeadingAxes(dX.array, T: steps, N: batch, inner: inputSize))
            : Tensor(shape: [steps, batch, inputSize], scalars: dX.array)
    }

    /// The gradients of the optional inputs, in input order from B on, nil for absent ones.
    func optionalGradients(dB: FloatScratch, dH0: FloatScratch, dC0: FloatScratch?, dP: FloatScratch?, batchFirst: Bool)
        -> [Tensor?]
    {
        let D = directions, N = batch, H = hidden
        func state(_ scratch: FloatScratch) -> Tensor {
            let v = scratch.array
            return batchFirst
                ? Tensor(shape: [N, D, H], scalars: RecurrentLayout.swapLeadingAxes(v, T: D, N: N, inner: H))
                : Tensor(shape: [D, N, H], scalars: v)
        }
        var result: [Tensor?] = [
            has.bias ? Tensor(shape: [D, 2 * gateWidth], scalars: dB.array) : nil, nil,
            has.initialH ? state(dH0) : nil,
        ]
        if let dC0, let dP {
            result.append(has.initialC ? state(dC0) : nil)
            result.append(has.peepholes ? Tensor(shape: [D, 3 * H], scalars: dP.array) : nil)
        }
        return result
    }
}
