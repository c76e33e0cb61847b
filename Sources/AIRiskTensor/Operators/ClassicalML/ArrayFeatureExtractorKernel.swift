/// ai.onnx.ml ArrayFeatureExtractor: selects the columns Y (int64 indices) of X along its last axis.
///
/// scikit-learn's MLP and SVM classifiers use it to turn the ArgMax index into the class label.
/// Like onnxruntime, a 1-D X gives a `[1, count(Y)]` result. Differentiable with respect to a float X
/// (the gradient is scattered back to the selected columns); the indices get no gradient.
struct ArrayFeatureExtractorKernel: ClassicalMLKernel {
    static let opType = "ArrayFeatureExtractor"

    let node: Node

    /// The operator has no attributes, so building it cannot fail.
    init(node: Node, opset: Int) {
        self.node = node
    }

    /// The output shape, the length of X's last axis, and the validated indices.
    private func plan(_ inputs: [Tensor?]) throws -> (shape: [Int], stride: Int, indices: [Int]) {
        guard inputs.count == 2, let x = inputs[0], let y = inputs[1] else {
            throw inputError("expects two inputs, X and the indices Y")
        }
        guard let raw = y.int64s else { throw inputError("indices Y must be int64, not \(y.elementTypeName)") }
        guard let stride = x.shape.last else { throw inputError("input X must have at least one dimension") }
        let indices = try raw.map { v -> Int in
            guard v >= 0, v < Int64(stride) else {
                throw inputError("index \(v) is outside the last axis of X (size \(stride))")
            }
            return Int(v)
        }
        let shape = x.shape.count == 1 ? [1, indices.count] : x.shape.dropLast() + [indices.count]
        return (shape, stride, indices)
    }

    private static func gather<T>(_ values: [T], stride: Int, indices: [Int]) -> [T] {
        guard stride > 0 else { return [] }
        let rows = values.count / stride
        var out: [T] = []
        out.reserveCapacity(rows * indices.count)
        for r in 0..<rows {
            let base = r &* stride
            for j in indices { out.append(values[base &+ j]) }
        }
        return out
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (shape, stride, indices) = try plan(inputs)
        guard let x = inputs[0] else { throw inputError("input X is missing") }
        let storage: Tensor.Storage
        switch x.storage {
        case .float(let v): storage = .float(Self.gather(v, stride: stride, indices: indices))
        case .double(let v): storage = .double(Self.gather(v, stride: stride, indices: indices))
        case .int64(let v): storage = .int64(Self.gather(v, stride: stride, indices: indices))
        case .bool(let v): storage = .bool(Self.gather(v, stride: stride, indices: indices))
        case .string(let v): storage = .string(Self.gather(v, stride: stride, indices: indices))
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: storage)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let x = inputs.first ?? nil, x.floats != nil, let g = outputGradients.first??.floats else {
            return [nil, nil]
        }
        let (_, stride, indices) = try plan(inputs)
        var dx = [Float](repeating: 0, count: x.count)
        let rows = stride > 0 ? x.count / stride : 0
        for r in 0..<rows {
            for (j, column) in indices.enumerated() { dx[r * stride + column] += g[r * indices.count + j] }
        }
        return [Tensor(shape: x.shape, scalars: dx), nil]
    }
}
