/// ONNX ReverseSequence: reverses the first `sequence_lens[b]` elements along `time_axis` for each
/// batch entry along `batch_axis`. Not differentiable.
struct ReverseSequenceKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "ReverseSequence"
    @NodeContext var ctx
    @Attribute("time_axis") var timeAxis: Int = 0
    @Attribute("batch_axis") var batchAxis: Int = 1

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let lens = try ctx.intValues(inputs, 1)
        let t = try ctx.axis(timeAxis, rank: x.rank)
        let b = try ctx.axis(batchAxis, rank: x.rank)
        guard t != b, lens.count == x.shape[b] else { throw ctx.fail("sequence_lens must have one entry per batch") }
        let strides = Shape.strides(x.shape)
        var map = Array(0..<x.count)
        for e in 0..<x.count {
            let ti = (e / strides[t]) % x.shape[t]
            let bi = (e / strides[b]) % x.shape[b]
            let len = lens[bi]
            guard len >= 0 && len <= x.shape[t] else { throw ctx.inputError(1, "length \(len) is out of range") }
            if ti < len { map[e] = e + (len - 1 - 2 * ti) * strides[t] }
        }
        return KernelOutput(outputs: [Tensor(shape: x.shape, storage: x.storage.gathered(map))])
    }
}
