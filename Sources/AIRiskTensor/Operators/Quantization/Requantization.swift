/// How QLinearConv and QLinearMatMul bring their integer accumulators back to the type of
/// `y_zero_point`, which the ONNX lowering records as `output_dtype`.
struct Requantization: Sendable {
    /// A scaled accumulator and the output zero point to the output value.
    typealias Rounding = (_ scaled: Double, _ zero: Int64) -> Int64

    /// The representable range of the output type; nil when the graph does not state it.
    let range: ClosedRange<Int64>?

    init(_ ctx: KernelContext) throws {
        range = try ctx.int("output_dtype").flatMap { QuantizationParameters.range(ofType: $0) }
    }

    /// The rounding into the output type: a scaled accumulator rounded half to even, shifted by the
    /// zero point and saturated (NaN gives 0). Throws when the output type is unknown.
    func rounding(_ ctx: KernelContext) throws -> Rounding {
        guard let range else {
            throw ctx.fail(
                "the element type of y_zero_point (input 7) is not stated by the graph, so the output type is unknown")
        }
        let (lo, hi) = (Double(range.lowerBound), Double(range.upperBound))
        return { scaled, zero in
            let q = scaled.rounded(.toNearestOrEven) + Double(zero)
            return q.isNaN ? 0 : Int64(Swift.min(Swift.max(q, lo), hi))
        }
    }
}

/// The integer stage of a requantizing kernel (ConvInteger's convolution, MatMulInteger's product): built
/// from the node like a kernel, with the context that names the node in errors.
protocol IntegerAccumulation: Sendable {
    var ctx: KernelContext { get }
    init(node: Node, opset: Int) throws
}

/// QLinearConv and QLinearMatMul: an integer stage whose int32 accumulators are scaled and requantized
/// into the output type; `init(node:opset:)` builds both from the node.
protocol RequantizingKernel: ForwardOnlyKernel {
    associatedtype Integer: IntegerAccumulation
    var integer: Integer { get }
    var output: Requantization { get }
    init(integer: Integer, output: Requantization)
    /// The forward pass, given the output's rounding (``Requantization/rounding(_:)``).
    func forward(_ inputs: [Tensor?], rounding round: Requantization.Rounding) throws -> KernelOutput
}

extension RequantizingKernel {
    var ctx: KernelContext { integer.ctx }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        try forward(inputs, rounding: try output.rounding(ctx))
    }

    init(node: Node, opset: Int) throws {
        let integer = try Integer(node: node, opset: opset)
        self.init(integer: integer, output: try Requantization(integer.ctx))
    }
}
