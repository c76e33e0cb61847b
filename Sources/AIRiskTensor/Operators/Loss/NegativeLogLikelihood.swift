import Foundation

/// The shared computation of ONNX NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: given
/// log-probabilities `[N, C, d…]`, targets `[N, d…]` and optional class weights, the per-element loss
/// −w[t]·x[n, t, d…] (0 where the target equals `ignore_index`), reduced by "none", "sum" or "mean"
/// (divided by the sum of the weights of the counted elements).
struct NegativeLogLikelihood: Sendable {
    enum Reduction: String, Sendable, CaseIterable { case none, sum, mean }
    let reduction: Reduction
    let ignoreIndex: Int?

    init(_ ctx: KernelContext) throws {
        reduction = try ctx.choice("reduction", default: Reduction.mean)
        ignoreIndex = try ctx.int("ignore_index")
    }

    /// The loss of `logProbabilities` against the node's targets (input 1) and optional class weights
    /// (input 2).
    func loss(_ ctx: KernelContext, _ inputs: [Tensor?], logProbabilities x: [Float], shape: [Int]) throws -> Tensor {
        let target = try ctx.input(inputs, 1)
        let t = try ctx.intValues(inputs, 1)
        let w = try ctx.optionalInput(inputs, 2).map { try ctx.floats($0, input: 2) }
        return try loss(ctx, logProbabilities: x, shape: shape, targets: t, targetShape: target.shape, weights: w)
    }

    /// The loss tensor: the targets' shape for "none", a scalar otherwise.
    func loss(
        _ ctx: KernelContext, logProbabilities x: [Float], shape: [Int], targets t: [Int], targetShape: [Int],
        weights w: [Float]?
    ) throws -> Tensor {
        guard shape.count >= 2, targetShape.count == shape.count - 1, targetShape[0] == shape[0],
            Array(shape[2...]) == Array(targetShape[1...])
        else {
            throw ctx.fail("input shape \(shape) and target shape \(targetShape) do not match ([N, C, d…] and [N, d…])")
        }
        let n = shape[0]
        let c = shape[1]
        let inner = Shape.product(shape, 2..<shape.count)
        if let w, w.count != c { throw ctx.inputError(2, "must hold \(c) class weights, got \(w.count)") }
        var losses = [Float](repeating: 0, count: t.count)
        var weightSum = 0.0
        var total = 0.0
        for i in 0..<n {
            for d in 0..<inner {
                let e = i * inner + d
                let target = t[e]
                if target == ignoreIndex { continue }
                guard target >= 0 && target < c else {
                    throw ctx.inputError(1, "holds class \(target), outside 0..<\(c)")
                }
                let weight = w?[target] ?? 1
                let l = -x[(i * c + target) * inner + d] * weight
                losses[e] = l
                total += Double(l)
                weightSum += Double(weight)
            }
        }
        switch reduction {
        case .none: return Tensor(shape: targetShape, scalars: losses)
        case .sum: return Tensor(scalar: Float(total))
        case .mean: return Tensor(scalar: Float(total / weightSum))
        }
    }
}

/// NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss, built from the node's `reduction` and
/// `ignore_index`.
protocol LossKernel: ForwardOnlyKernel {
    var ctx: KernelContext { get }
    var nll: NegativeLogLikelihood { get }
    init(ctx: KernelContext, nll: NegativeLogLikelihood)
    /// The log-probabilities the loss reads from input 0 (`x`, its `values`), and the outputs that follow
    /// the loss.
    func logProbabilities(_ x: Tensor, _ values: [Float]) throws -> (values: [Float], outputs: [Tensor])
}

extension LossKernel {
    init(node: Node, opset: Int) throws {
        let ctx = KernelContext(node)
        self.init(ctx: ctx, nll: try NegativeLogLikelihood(ctx))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (logp, outputs) = try logProbabilities(x, xv)
        let loss = try nll.loss(ctx, inputs, logProbabilities: logp, shape: x.shape)
        return KernelOutput(outputs: [loss] + outputs)
    }
}

/// ONNX NegativeLogLikelihoodLoss (opset 12+). Not differentiable in this engine (losses are
/// training-time operators; airisk differentiates its own losses).
struct NegativeLogLikelihoodLossKernel: LossKernel {
    static let opType = "NegativeLogLikelihoodLoss"
    let ctx: KernelContext
    let nll: NegativeLogLikelihood

    func logProbabilities(_ x: Tensor, _ values: [Float]) throws -> (values: [Float], outputs: [Tensor]) {
        (values, [])
    }
}

/// ONNX SoftmaxCrossEntropyLoss (opset 12+): log-softmax over axis 1, then the negative
/// log-likelihood; the optional second output is the log-probabilities. Not differentiable here.
struct SoftmaxCrossEntropyLossKernel: LossKernel {
    static let opType = "SoftmaxCrossEntropyLoss"
    let ctx: KernelContext
    let nll: NegativeLogLikelihood

    /// Log-softmax over axis 1, also returned as the second output.
    func logProbabilities(_ x: Tensor, _ xv: [Float]) throws -> (values: [Float], outputs: [Tensor]) {
        guard x.rank >= 2 else { throw ctx.inputError(0, "must have rank 2 or more, got shape \(x.shape)") }
        let c = x.shape[1]
        let inner = Shape.product(x.shape, 2..<x.rank)
        var logp = xv
        for i in 0..<x.shape[0] {
            for d in 0..<inner {
                var m = -Float.infinity
                for k in 0..<c { m = max(m, xv[(i * c + k) * inner + d]) }
                var s = 0.0
                for k in 0..<c { s += Double((xv[(i * c + k) * inner + d] - m).exp) }
                let lse = m + Float(s.log)
                for k in 0..<c { logp[(i * c + k) * inner + d] = xv[(i * c + k) * inner + d] - lse }
            }
        }
        return (logp, [Tensor(shape: x.shape, scalars: logp)])
    }
}

extension Float {
    fileprivate var exp: Float { Float(Foundation.exp(Double(self))) }
}

extension Double {
    fileprivate var log: Double { Foundation.log(self) }
}
