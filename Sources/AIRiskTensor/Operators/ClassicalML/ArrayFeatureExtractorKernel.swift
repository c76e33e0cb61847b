/// ai.onnx.ml ArrayFeatureExtractor: selects elements along the last axis of X at the int64
/// indices Y. scikit-learn uses it to map an ArgMax class index to the class label. A 1-D X
/// gives a `[1, len(Y)]` result, as onnxruntime does. Not differentiable (indices select).
struct ArrayFeatureExtractorKernel: Kernel {
    static let opType = "ArrayFeatureExtractor"
    static let domain = "ai.onnx.ml"
    static let isDifferentiable = false

    let node: Node

    init(node: Node, opset: Int) throws {
        self.node = node
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard inputs.count >= 2, let x = inputs[0], let y = inputs[1] else {
            throw OperatorError.missingInput(node: node.name, opType: Self.opType, index: inputs.count < 2 ? 1 : 0)
        }
        guard let indices = y.int64s else {
            throw OperatorError.invalidInput(
                node: node.name, opType: Self.opType, index: 1, reason: "must be int64, got \(y.elementTypeName)")
        }
        guard let last = x.shape.last, last > 0 else {
            throw OperatorError.invalidInput(node: node.name, opType: Self.opType, index: 0, reason: "is empty")
        }
        for i in indices where i < 0 || i >= Int64(last) {
            throw OperatorError.invalidInput(
                node: node.name, opType: Self.opType, index: 1,
                reason: "index \(i) is outside the last axis of X (size \(last))")
        }
        let outer = x.count / last
        let k = indices.count
        let shape = x.shape.count == 1 ? [1, k] : Array(x.shape.dropLast()) + [k]
        func gather<T>(_ v: [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(outer * k)
            for o in 0..<outer { for i in indices { out.append(v[o * last + Int(i)]) } }
            return out
        }
        let storage: Tensor.Storage
        switch x.storage {
        case .float(let v): storage = .float(gather(v))
        case .int64(let v): storage = .int64(gather(v))
        case .bool(let v): storage = .bool(gather(v))
        case .string(let v): storage = .string(gather(v))
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: storage)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [nil, nil]
    }
}
