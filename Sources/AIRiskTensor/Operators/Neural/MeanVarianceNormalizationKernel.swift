/// ONNX MeanVarianceNormalization: (x − mean) / √variance over `axes` (default [0, 2, 3]), with
/// onnxruntime's epsilon 1e-9 under the root. Not differentiable.
struct MeanVarianceNormalizationKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "MeanVarianceNormalization"
    @NodeContext var ctx
    @Attribute var axes: [Int] = [0, 2, 3]

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, v) = try ctx.floatInput(inputs, 0)
        let set = Set(try axes.map { try ctx.axis($0, rank: x.rank) })
        let kept = x.shape.enumerated().map { set.contains($0.offset) ? 1 : $0.element }
        let map = IndexMap.strided(shape: x.shape, base: 0, strides: Broadcast.alignedStrides(kept, to: x.shape))
        let groups = Shape.count(kept)
        let n = Double(max(x.count / max(groups, 1), 1))
        var mean = [Double](repeating: 0, count: groups)
        for (i, j) in map.enumerated() { mean[j] += Double(v[i]) / n }
        var variance = [Double](repeating: 0, count: groups)
        for (i, j) in map.enumerated() { variance[j] += (Double(v[i]) - mean[j]) * (Double(v[i]) - mean[j]) / n }
        let y = map.enumerated().map { i, j in Float((Double(v[i]) - mean[j]) / (variance[j] + 1e-9).squareRoot()) }
        return KernelOutput(outputs: [Tensor(shape: x.shape, scalars: y)])
    }
}
