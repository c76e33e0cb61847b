/// ONNX Compress: keeps the slices along `axis` (or of the flattened input, without `axis`) whose
/// condition is true; a condition shorter than the axis keeps nothing beyond its end. Not
/// differentiable.
struct CompressKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "Compress"
    @NodeContext var ctx
    @Attribute var axis: Int? = nil

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let input = try ctx.input(inputs, 0)
        guard let cond = try? ctx.input(inputs, 1).asBools() else { throw ctx.inputError(1, "must be bool") }
        let x = axis == nil ? input.reshaped([input.count]) : input
        let a = try ctx.axis(axis ?? 0, rank: x.rank)
        let n = x.shape[a]
        guard cond.count <= n else { throw ctx.inputError(1, "has \(cond.count) entries for an axis of \(n)") }
        let kept = cond.indices.filter { cond[$0] }
        let inner = Shape.product(x.shape, (a + 1)..<x.rank)
        let outer = Shape.product(x.shape, 0..<a)
        var map: [Int] = []
        for o in 0..<outer {
            for k in kept { map.append(contentsOf: ((o * n + k) * inner)..<((o * n + k + 1) * inner)) }
        }
        var shape = x.shape
        shape[a] = kept.count
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage.gathered(map))])
    }
}
