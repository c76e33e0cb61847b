/// ai.onnx.ml ZipMap, run as a pass-through of its probability tensor.
///
/// ONNX defines ZipMap's output as a sequence of maps (class label → probability), a type the
/// engine's ``Tensor`` does not have. scikit-learn converters append ZipMap to every classifier by
/// default, and the maps carry nothing the `[N, classes]` tensor does not (columns follow
/// `classlabels_int64s` / `classlabels_strings`, which the ONNX loader reports), so airisk returns
/// that tensor unchanged rather than refusing the model. Differentiable (identity).
struct ZipMapKernel: ClassicalMLKernel {
    static let opType = "ZipMap"

    let node: Node
    let labelCount: Int

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        let labels = try MLClassLabels(a, intsName: "classlabels_int64s")
        guard labels.count > 0 else {
            throw a.missing("classlabels_int64s")
        }
        labelCount = labels.count
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard let x = inputs.first ?? nil, x.floats != nil else {
            throw inputError("input X must be float32")
        }
        let columns = x.shape.last ?? 1
        guard columns == labelCount else {
            throw inputError("input X has \(columns) columns for \(labelCount) class labels")
        }
        return KernelOutput(outputs: [x])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        [outputGradients.first ?? nil]
    }
}
