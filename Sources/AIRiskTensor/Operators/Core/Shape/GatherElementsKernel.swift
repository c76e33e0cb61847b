/// ONNX GatherElements: `out[i…] = data[i… with index[axis] replaced by indices[i…]]`. The output
/// has the indices' shape; negative indices count from the end. Differentiable with respect to data
/// (the gradient scatters back, adding where an element was picked twice).
struct GatherElementsKernel: GatheringKernel, AxisKernel {
    static let opType = "GatherElements"
    static let defaultAxis = 0
    let ctx: KernelContext
    let axis: Int

    /// The output shape for the given data and indices shapes, or a reason it is invalid; the
    /// output element count is checked for overflow.
    static func outputShape(data: [Int], indices: [Int], axis: Int) -> Result<[Int], ShapeFailure> {
        guard data.count == indices.count, !data.isEmpty else {
            return .failure(ShapeFailure("indices must have the rank of data (\(data.count)), got \(indices.count)"))
        }
        guard let a = Shape.normalizeAxis(axis, rank: data.count) else {
            return .failure(ShapeFailure("axis \(axis) is out of range for rank \(data.count)"))
        }
        for d in indices.indices where d != a && indices[d] > data[d] {
            return .failure(ShapeFailure("indices shape \(indices) exceeds data shape \(data) in dimension \(d)"))
        }
        guard Shape.checkedCount(indices) != nil else {
            return .failure(ShapeFailure("indices shape \(indices) has too many elements"))
        }
        return .success(indices)
    }

    /// For every output element, the flat offset in data it reads.
    func sourceMap(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int]) {
        let data = try ctx.input(inputs, 0)
        let indices = try ctx.input(inputs, 1)
        let idx = try ctx.intValues(inputs, 1)
        let shape: [Int]
        switch Self.outputShape(data: data.shape, indices: indices.shape, axis: axis) {
        case .success(let s): shape = s
        case .failure(let f): throw ctx.fail(f.reason)
        }
        let a = try ctx.axis(axis, rank: data.rank)
        let dataStrides = Shape.strides(data.shape)
        // Offsets of every index position in data, ignoring the gathered axis.
        var strides = dataStrides
        strides[a] = 0
        let base = IndexMap.strided(shape: shape, base: 0, strides: strides)
        let extent = data.shape[a]
        var map = [Int](repeating: 0, count: base.count)
        for i in base.indices {
            var k = idx[i]
            if k < 0 { k += extent }
            guard k >= 0 && k < extent else {
                throw ctx.inputError(1, "holds index \(idx[i]), out of range for axis \(a) of size \(extent)")
            }
            map[i] = base[i] + k * dataStrides[a]
        }
        return (data, shape, map)
    }
}

/// Why a kernel's output shape cannot be computed from its input shapes.
struct ShapeFailure: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
