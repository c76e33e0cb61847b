/// The declared name, element type and shape of a graph input or output.
public struct ValueInfo: Sendable, Equatable {
    /// One dimension of a declared shape.
    public enum Dimension: Sendable, Equatable, CustomStringConvertible {
        case fixed(Int)
        /// A named dimension such as "N" or "batch_size".
        case symbolic(String)
        case unknown

        public var description: String {
            switch self {
            case .fixed(let n): String(n)
            case .symbolic(let s): s
            case .unknown: "?"
            }
        }
    }

    public var name: String
    /// ONNX element type name ("float32", "int64", "string", …), nil when not declared.
    public var elementType: String?
    /// nil when the shape is not declared.
    public var shape: [Dimension]?

    public init(name: String, elementType: String?, shape: [Dimension]?) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
    }
}
