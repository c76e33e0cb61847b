/// What the RNN, GRU and LSTM kernels share: the node's context and recurrent attributes, the
/// forward pass with or without its tape, the checked inputs, the outputs in the node's layout, and
/// the start and end of backpropagation through time.
protocol RecurrentKernel: TapeFreeForward {
    associatedtype Tape: RecurrentTape
    /// The number of gates G: 1 for RNN, 3 for GRU, 4 for LSTM.
    static var gates: Int { get }
    /// Whether the kernel carries a cell state (initial_c, peepholes and Y_c: LSTM).
    static var cellState: Bool { get }
    var context: NeuralNodeContext { get }
    var attributes: RecurrentAttributes { get }
    /// W, R and B as last copied, reused while the same initializers come back.
    var weights: RecurrentWeights { get }
    /// The forward pass; the tape for backward is saved only when `keepTape`.
    func run(_ inputs: [Tensor?], keepTape: Bool) throws -> KernelOutput
}

/// A recurrent kernel's copies of W, R and B (``AlignedWeights/scratch(of:)``).
final class RecurrentWeights: Sendable {
    let w = AlignedWeights(), r = AlignedWeights(), b = AlignedWeights()
}

/// What a recurrent kernel's forward pass saves for backward; each direction's pre-activations
/// cover every step's gates (T·N·G values).
protocol RecurrentTape: Sendable {
    var preactivation: [FloatScratch] { get }
}

extension RecurrentKernel {
    static var cellState: Bool { false }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput { try run(inputs, keepTape: true) }

    func forwardWithoutTape(_ inputs: [Tensor?]) throws -> KernelOutput { try run(inputs, keepTape: false) }

    /// The node's inputs, checked and rearranged time-major.
    func recurrentInputs(_ inputs: [Tensor?]) throws -> RecurrentInputs {
        try RecurrentInputs(
            context, inputs, attributes: attributes, weights: weights, gates: Self.gates, cellState: Self.cellState)
    }

    /// The forward result: Y, Y_h (and Y_c when `finalC` is given) in the node's layout, with the tape
    /// when it was kept.
    func output(
        _ p: RecurrentInputs, y: FloatScratch, finalH: FloatScratch, finalC: FloatScratch?, tape: Tape, keepTape: Bool
    ) -> KernelOutput {
        let outputs = RecurrentLayout.outputs(
            y: y.array, finalH: finalH.array, finalC: finalC?.array, T: p.steps, D: p.directions, N: p.batch,
            H: p.hidden, batchFirst: attributes.batchFirst, count: context.outputCount)
        return KernelOutput(outputs: outputs, saved: keepTape ? tape : nil)
    }

    /// Starts backpropagation through time: the checked inputs, the tape of `forward` (which must be
    /// this kernel's own result for inputs of the same shapes) and the gradient buffers.
    func beginBackward(_ inputs: [Tensor?], _ forward: KernelOutput, _ outputGradients: [Tensor?]) throws
        -> (RecurrentInputs, Tape, RecurrentGradients)
    {
        let p = try recurrentInputs(inputs)
        guard let tape = forward.saved as? Tape else {
            throw context.inputError(0, "backward needs this kernel's own forward result")
        }
        let count = p.steps * p.batch * p.gateWidth
        guard tape.preactivation.count == p.directions, tape.preactivation.allSatisfy({ $0.count == count }) else {
            throw context.inputError(0, "changed shape between the forward and the backward pass")
        }
        let gradients = RecurrentGradients(
            p, outputGradients, batchFirst: attributes.batchFirst, cellState: Self.cellState)
        return (p, tape, gradients)
    }
}

/// The buffers of one backward pass of a recurrent kernel: the upstream gradient of Y and the
/// gradients it accumulates for X, W, R, B, initial_h and (with a cell state) initial_c and P.
struct RecurrentGradients {
    let dY: FloatScratch
    let dX: FloatScratch
    let dW: FloatScratch
    let dR: FloatScratch
    let dB: FloatScratch
    /// Starts as the upstream gradient of Y_h, carried back to initial_h.
    let dH0: FloatScratch
    /// Starts as the upstream gradient of Y_c, carried back to initial_c.
    let dC0: FloatScratch
    let dP: FloatScratch
    let cellState: Bool

    init(_ p: RecurrentInputs, _ outputGradients: [Tensor?], batchFirst: Bool, cellState: Bool) {
        let grads = RecurrentLayout.outputGradients(
            outputGradients, T: p.steps, D: p.directions, N: p.batch, H: p.hidden, batchFirst: batchFirst)
        dY = FloatScratch(grads.dY)
        dX = FloatScratch(count: p.steps * p.batch * p.inputSize)
        dW = FloatScratch(count: p.w.count)
        dR = FloatScratch(count: p.r.count)
        dB = FloatScratch(count: p.b.count)
        dH0 = FloatScratch(grads.dH)
        dC0 = FloatScratch(cellState ? grads.dC : [])
        dP = FloatScratch(count: cellState ? p.peepholes.count : 0)
        self.cellState = cellState
    }

    /// Ends direction `d`: the state gradients `dh` (and `dc`) that reached the first step become
    /// the initial states' gradients, and dL/d(X·W_dᵀ) is carried into dX and dW.
    func endDirection(
        _ d: Int, _ p: RecurrentInputs, dXW: FloatScratch, dh: UnsafeMutablePointer<Float>,
        dc: UnsafeMutablePointer<Float>? = nil
    ) {
        let size = p.batch * p.hidden
        if dh != dH0.pointer + d * size { (dH0.pointer + d * size).update(from: dh, count: size) }
        if let dc, dc != dC0.pointer + d * size { (dC0.pointer + d * size).update(from: dc, count: size) }
        p.accumulateInputGradients(direction: d, dXW: dXW, dX: dX, dW: dW)
    }

    /// The gradients of all inputs, in input order, nil for absent optional ones.
    func inputGradients(_ p: RecurrentInputs, batchFirst: Bool) -> [Tensor?] {
        let D = p.directions, G = p.gateWidth
        return [
            p.inputGradient(dX, batchFirst: batchFirst), Tensor(shape: [D, G, p.inputSize], scalars: dW.array),
            Tensor(shape: [D, G, p.hidden], scalars: dR.array),
        ]
            + p.optionalGradients(
                dB: dB, dH0: dH0, dC0: cellState ? dC0 : nil, dP: cellState ? dP : nil, batchFirst: batchFirst)
    }
}
