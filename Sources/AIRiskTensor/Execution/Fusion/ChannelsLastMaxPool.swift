/// A MaxPool step of the inference plan whose input is a channels-last value (``ChannelsLast``): a convolution's
/// result, or another such pool's. It writes channels-last too when only convolutions and pools read its result
/// (``Executor/keepChannelsLast(_:keep:constants:)``), and the graph's layout otherwise, so a LeNet-style
/// `Conv → Relu → MaxPool → Conv` chain is never reordered between its steps. A call the channels-last path does not
/// take converts, runs the graph's MaxPool and converts back.
struct ChannelsLastMaxPool: PlanStepKernel {
    static let opType = "ChannelsLastMaxPool"

    let pool: MaxPoolKernel
    let outputChannelsLast: Bool

    init(pool: MaxPoolKernel, outputChannelsLast: Bool) {
        self.pool = pool
        self.outputChannelsLast = outputChannelsLast
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard let x = inputs.first ?? nil else { return try pool.forward(inputs) }
        if let y = try pool.forwardChannelsLast(x, channelsLastOutput: outputChannelsLast) {
            return KernelOutput(outputs: [y])
        }
        var graphInputs = inputs
        graphInputs[0] = ChannelsLast.channelsFirst(x)
        var out = try pool.forwardWithoutTape(graphInputs)
        if outputChannelsLast, let y = out.outputs.first { out.outputs[0] = ChannelsLast.channelsLast(y) }
        return out
    }
}
