/// Maps the element-type names used in ``ValueInfo`` onto the engine's storage kinds.
enum ValueTypeName {
    static func kind(_ name: String?) -> ElementKind? {
        guard let name = name?.lowercased() else { return nil }
        switch name {
        case "float", "float32", "float16", "bfloat16": return .float
        case "double", "float64": return .double
        case "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64": return .int64
        case "bool": return .bool
        case "string": return .string
        default: return nil
        }
    }
}
