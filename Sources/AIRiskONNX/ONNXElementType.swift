/// An ONNX tensor element type (TensorProto.DataType), kept by its numeric code so that types
/// the engine cannot compute with are still reported by name.
package struct ONNXElementType: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The TensorProto.DataType code from onnx.proto.
    package var code: Int32

    package init(code: Int32) { self.code = code }

    package static let float = ONNXElementType(code: 1)
    package static let uint8 = ONNXElementType(code: 2)
    package static let int8 = ONNXElementType(code: 3)
    package static let uint16 = ONNXElementType(code: 4)
    package static let int16 = ONNXElementType(code: 5)
    package static let int32 = ONNXElementType(code: 6)
    package static let int64 = ONNXElementType(code: 7)
    package static let string = ONNXElementType(code: 8)
    package static let bool = ONNXElementType(code: 9)
    package static let float16 = ONNXElementType(code: 10)
    package static let double = ONNXElementType(code: 11)
    package static let uint32 = ONNXElementType(code: 12)
    package static let uint64 = ONNXElementType(code: 13)
    package static let bfloat16 = ONNXElementType(code: 16)

    /// The name used in ``ValueInfo/elementType`` and in messages: "float32", "int64", "string", …
    package var name: String {
        switch code {
        case 0: "undefined"
        case 1: "float32"
        case 2: "uint8"
        case 3: "int8"
        case 4: "uint16"
        case 5: "int16"
        case 6: "int32"
        case 7: "int64"
        case 8: "string"
        case 9: "bool"
        case 10: "float16"
        case 11: "float64"
        case 12: "uint32"
        case 13: "uint64"
        case 14: "complex64"
        case 15: "complex128"
        case 16: "bfloat16"
        case 17: "float8e4m3fn"
        case 18: "float8e4m3fnuz"
        case 19: "float8e5m2"
        case 20: "float8e5m2fnuz"
        case 21: "uint4"
        case 22: "int4"
        default: "data_type(\(code))"
        }
    }

    package var description: String { name }

    /// Whether the engine can hold values of this type (as float32, int64, bool or string).
    package var isSupported: Bool { (1...13).contains(code) || code == 16 }
}
