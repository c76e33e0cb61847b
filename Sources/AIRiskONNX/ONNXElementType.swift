/// An ONNX tensor element type (TensorProto.DataType), kept by its numeric code so that types
/// the engine cannot compute with are still reported by name.
public struct ONNXElementType: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The TensorProto.DataType code from onnx.proto.
    public var code: Int32

    public init(code: Int32) { self.code = code }

    public static let float = ONNXElementType(code: 1)
    public static let uint8 = ONNXElementType(code: 2)
    public static let int8 = ONNXElementType(code: 3)
    public static let uint16 = ONNXElementType(code: 4)
    public static let int16 = ONNXElementType(code: 5)
    public static let int32 = ONNXElementType(code: 6)
    public static let int64 = ONNXElementType(code: 7)
    public static let string = ONNXElementType(code: 8)
    public static let bool = ONNXElementType(code: 9)
    public static let float16 = ONNXElementType(code: 10)
    public static let double = ONNXElementType(code: 11)
    public static let uint32 = ONNXElementType(code: 12)
    public static let uint64 = ONNXElementType(code: 13)
    public static let bfloat16 = ONNXElementType(code: 16)

    /// The name used in ``ValueInfo/elementType`` and in messages: "float32", "int64", "string", …
    public var name: String {
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

    public var description: String { name }

    /// Whether the engine can hold values of this type (as float32, int64, bool or string).
    public var isSupported: Bool { (1...13).contains(code) || code == 16 }
}
