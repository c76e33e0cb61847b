/// The (N, C, spatial…) input of a pooling kernel, split into planes.
struct PoolingInput {
    let shape: [Int]
    let values: [Float]
    /// N · C.
    let planes: Int

    init(_ context: NeuralNodeContext, _ inputs: [Tensor?]) throws {
        let x = try context.floatInput(inputs, 0)
        guard x.shape.count >= 3 else {
            throw context.inputError(0, "must be (N, C, spatial…) with 1 to 3 spatial dimensions, got shape \(x.shape)")
        }
        shape = x.shape
        values = x.values
        planes = x.shape[0] * x.shape[1]
    }

    var spatial: [Int] { Array(shape[2...]) }
}
