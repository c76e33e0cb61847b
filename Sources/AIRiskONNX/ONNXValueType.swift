import AIRiskTensor

/// The declared type of a graph input or output, including the non-tensor types that ONNX
/// allows (scikit-learn's ZipMap, for instance, outputs `seq(map(int64, tensor(float)))`).
package indirect enum ONNXValueType: Sendable, Equatable, CustomStringConvertible {
    /// A dense tensor; `shape` is nil when the file does not declare it.
    case tensor(ONNXElementType, shape: [ValueInfo.Dimension]?)
    case sparseTensor(ONNXElementType)
    case sequence(ONNXValueType)
    case map(key: ONNXElementType, value: ONNXValueType)
    case optional(ONNXValueType)
    case opaque
    /// No type was declared.
    case unknown

    package var description: String {
        switch self {
        case .tensor(let e, let shape):
            let dims = shape.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" } ?? "[unknown shape]"
            return "tensor(\(e.name))\(dims)"
        case .sparseTensor(let e): return "sparse_tensor(\(e.name))"
        case .sequence(let e): return "seq(\(e))"
        case .map(let k, let v): return "map(\(k.name), \(v))"
        case .optional(let e): return "optional(\(e))"
        case .opaque: return "opaque"
        case .unknown: return "unknown"
        }
    }

    /// Whether this is a dense tensor type, the only kind the engine feeds and returns.
    package var isTensor: Bool {
        if case .tensor = self { return true }
        return false
    }
}
