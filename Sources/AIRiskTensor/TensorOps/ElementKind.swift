/// The element types a ``Tensor`` can hold, and how ONNX's richer set of types maps onto them.
package enum ElementKind: String, Sendable, Equatable, CaseIterable {
    case float = "float32"
    case double = "float64"
    case int64
    case bool
    case string

    /// The engine type for an ONNX `TensorProto.DataType` code: double is Float64, every other floating
    /// type computes in Float32, every integer type in Int64. nil for types the engine cannot hold (complex).
    package init?(onnxDataType code: Int) {
        switch code {
        case 11: self = .double
        case 1, 10, 16, 17, 18, 19, 20: self = .float  // float, float16, bfloat16, float8 variants
        case 2, 3, 4, 5, 6, 7, 12, 13, 21, 22: self = .int64  // (u)int8/16/32/64, (u)int4
        case 8: self = .string
        case 9: self = .bool
        default: return nil
        }
    }
}

extension Tensor {
    /// The kind of element this tensor stores.
    package var elementKind: ElementKind {
        switch storage {
        case .float: .float
        case .double: .double
        case .int64: .int64
        case .bool: .bool
        case .string: .string
        }
    }
}
