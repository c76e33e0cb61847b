/// ai.onnx.ml Binarizer: 1 where X > threshold, else 0 (NaN stays NaN, as in onnxruntime); the
/// output keeps X's shape. Piecewise constant, so not differentiable.
struct BinarizerKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "Binarizer"

    let node: Node
    let threshold: Float

    init(node: Node, opset: Int) throws {
        self.node = node
        threshold = try MLAttributes(node: node).floats("threshold")?.first ?? 0
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        let shape = inputs[0]?.shape ?? [x.rows, x.columns]
        let y = x.values.map { $0.isNaN ? $0 : ($0 > threshold ? 1 : 0) as Float }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }
}
