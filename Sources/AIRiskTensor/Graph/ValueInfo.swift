/// The declared name, element type and shape of a graph input or output.
package struct ValueInfo: Sendable, Equatable {
    /// One dimension of a declared shape.
    package enum Dimension: Sendable, Equatable, CustomStringConvertible {
        case fixed(Int)
        /// A named dimension such as "N" or "batch_size".
        case symbolic(String)
        case unknown

        package var description: String {
            switch self {
            case .fixed(let n): String(n)
            case .symbolic(let s): s
            case .unknown: "?"
            }
        }
    }

    package var name: String
    /// ONNX element type name ("float32", "int64", "string", …), nil when not declared.
    package var elementType: String?
    /// nil when the shape is not declared.
    package var shape: [Dimension]?

    package init(name: String, elementType: String?, shape: [Dimension]?) {
        self.name = name
        self.elementType = elementType
        self.shape = shape
    }
}
