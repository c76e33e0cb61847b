/// ONNX GatherND with `batch_dims`: each innermost index vector of `indices` picks a slice of data.
/// Not differentiable.
struct GatherNDKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "GatherND"
    @NodeContext var ctx
    @Attribute("batch_dims") var batchDims: Int = 0

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let idx = try ctx.intValues(inputs, 1)
        let b = batchDims
        guard let q = indices.shape.last, indices.rank >= 1, b >= 0, b < indices.rank, b + q <= data.rank,
            Array(indices.shape[..<b]) == Array(data.shape[..<b])
        else {
            throw ctx.fail("indices \(indices.shape) do not fit data \(data.shape) with batch_dims \(b)")
        }
        let batch = Shape.product(data.shape, 0..<b)
        let sliceShape = Array(data.shape[(b + q)...])
        let slice = Shape.count(sliceShape)
        let perBatchData = Shape.product(data.shape, b..<data.rank)
        let lookups = Shape.product(indices.shape, b..<(indices.rank - 1))
        let strides = Shape.strides(Array(data.shape[b...]))
        var map: [Int] = []
        map.reserveCapacity(batch * lookups * slice)
        for bi in 0..<batch {
            for l in 0..<lookups {
                var offset = bi * perBatchData
                for j in 0..<q {
                    var k = idx[(bi * lookups + l) * q + j]
                    let extent = data.shape[b + j]
                    if k < 0 { k += extent }
                    guard k >= 0 && k < extent else { throw ctx.inputError(1, "index \(k) is out of range") }
                    offset += k * strides[j]
                }
                map.append(contentsOf: offset..<(offset + slice))
            }
        }
        let shape = Array(indices.shape.dropLast()) + sliceShape
        return KernelOutput(outputs: [Tensor(shape: shape, storage: data.storage.gathered(map))])
    }
}
