/// Operator-set versions 1–8 of ai.onnx, accepted operator by operator.
///
/// The engine implements the semantics of ai.onnx opset 9 and later. Most operators kept their semantics from
/// an earlier version (only type lists widened), so a model importing opset 1–8 loads when every operator it uses
/// had, at that version, the semantics the engine computes. ``earliestVersion`` lists, per operator, the first
/// version whose semantics match: e.g. Add from 7 (opset 1–6 had the legacy `broadcast` / `axis` attributes), Relu
/// from 6 (opset 1–5 had `consumed_inputs`), Max / Min / Sum / Mean from 8 (no broadcasting before). Operators not
/// listed (BatchNormalization, Upsample, Scan before 9, …) changed meaning before 9 and are refused with an error
/// naming the operator and the opset, never computed with the newer semantics.
enum LegacyOpsets {
    /// The ai.onnx versions accepted for the operators of ``earliestVersion``.
    static let versions: ClosedRange<Int64> = 1...8

    static let earliestVersion: [String: Int64] = {
        var table: [String: Int64] = [:]
        for op in [
            "Softplus", "Softsign", "Not", "Identity", "GlobalAveragePool", "GlobalMaxPool", "Transpose", "MatMul",
            "Softmax", "LogSoftmax", "Hardmax", "ArgMax", "ArgMin", "ReduceL1", "ReduceL2", "ReduceLogSum",
            "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSum", "ReduceSumSquare",
            "Conv", "ConvTranspose", "Flatten", "LRN", "Size", "Shape", "Squeeze", "Unsqueeze", "Constant", "Gather",
            "DepthToSpace", "SpaceToDepth", "Slice", "LpNormalization",
        ] {
            table[op] = 1
        }
        for op in ["Split", "Pad"] { table[op] = 2 }
        table["Concat"] = 4
        table["Reshape"] = 5
        for op in [
            "Abs", "Ceil", "Elu", "Exp", "Floor", "HardSigmoid", "LeakyRelu", "Log", "Neg", "Reciprocal", "Relu",
            "Selu", "Sigmoid", "Sqrt", "Tanh", "InstanceNormalization", "Cast", "Clip", "Tile",
        ] {
            table[op] = 6
        }
        for op in [
            "Add", "Sub", "Mul", "Div", "Pow", "And", "Or", "Xor", "Equal", "Greater", "Less", "Gemm", "PRelu",
            "Dropout", "AveragePool", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "GRU", "LSTM", "RNN",
        ] {
            table[op] = 7
        }
        for op in ["Max", "Min", "Sum", "Mean", "MaxPool", "Expand"] { table[op] = 8 }
        return table
    }()
}

extension ONNXModel {
    /// For a model importing ai.onnx 1–8: throws ``ONNXError/unsupportedFeature(file:feature:)`` naming the first
    /// operator whose semantics at that version differ from what the engine computes (see ``LegacyOpsets``).
    func checkLegacyOpsets() throws {
        guard let version = opsetImports[""].map(Int64.init), LegacyOpsets.versions.contains(version) else { return }
        for use in operators where use.domain.isEmpty {
            let earliest = LegacyOpsets.earliestVersion[use.opType]
            guard let earliest, earliest <= version else {
                let since =
                    earliest.map { "the engine implements \(use.opType) as defined from opset \($0)" }
                    ?? "\(use.opType) changed meaning before opset 9, which is what the engine implements"
                throw ONNXError.unsupportedFeature(
                    file: fileName,
                    feature:
                        "operator \(use.opType) at ai.onnx opset \(version) (node '\(use.firstNode)'): \(since); "
                        + "re-export the model with opset \(ONNXModel.supportedOpsets.lowerBound) or later")
            }
        }
    }
}
