/// ONNX Expand: broadcasts the input to a shape (numpy rules, so the result may be larger than
/// the requested shape). The gradient sums back over the broadcast dimensions.
struct ExpandKernel: ContextKernel {
    static let opType = "Expand"
    let ctx: KernelContext

    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func outShape(_ inputs: [Tensor?]) throws -> (Tensor, [Int]) {
        let x = try ctx.input(inputs, 0)
        let requested = try ctx.intValues(inputs, 1)
        guard Shape.checkedCount(requested) != nil else {
            throw ctx.inputError(1, "is not a valid shape: \(requested)")
        }
        let shape = try ctx.broadcastShape(x.shape, requested)
        // The index map (one Int per element) is built before the output.
        try ctx.checkOutput(shape, x.elementKind == .string ? .string : .int64)
        return (x, shape)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, shape) = try outShape(inputs)
        if shape == x.shape { return KernelOutput(outputs: [x]) }
        let map = IndexMap.strided(shape: shape, base: 0, strides: Broadcast.alignedStrides(x.shape, to: shape))
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return [nil, nil] }
        let (x, shape) = try outShape(inputs)
        return [Tensor(shape: x.shape, storage: .float(Broadcast.reduce(gv, from: shape, to: x.shape))), nil]
    }
}
