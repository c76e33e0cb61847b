/// Why a graph cannot be prepared or run, naming the node, operator, value or input involved.
package enum ExecutorError: Error, CustomStringConvertible, Equatable {
    /// One unsupported operator: its type, domain ("" is ai.onnx) and node name.
    package struct UnsupportedOperator: Sendable, Equatable {
        package var opType: String
        package var domain: String
        package var node: String
    }

    /// Operators the engine does not implement (all of them, so one load reports every gap).
    case unsupportedOperators([UnsupportedOperator])
    /// A node reads a value that no earlier node, input or initializer defines.
    case undefinedValue(name: String, node: String)
    /// A value is produced twice.
    case duplicateValue(name: String, node: String)
    /// A graph output that nothing produces.
    case undefinedOutput(name: String)
    /// A graph input was not supplied to `run`.
    case missingInput(name: String)
    /// A supplied tensor's name is neither a graph input nor an initializer.
    case unknownInput(name: String, known: [String])
    /// A supplied tensor's element type is not the one the input is declared with (`declared` as the
    /// graph names it, e.g. "float16"; the engine holds it as ``ValueTypeName/kind(_:)`` of it).
    case inputElementType(name: String, declared: String, supplied: ElementKind)
    /// A supplied tensor's shape has another rank than the declared shape, or differs in a fixed dimension.
    case inputShape(name: String, declared: [ValueInfo.Dimension], supplied: [Int])
    /// A kernel returned fewer outputs than its node declares.
    case missingKernelOutput(node: String, opType: String, index: Int)
    /// A gradient was requested through a node whose operator is not differentiable.
    case notDifferentiable(node: String, opType: String)
    /// A gradient was requested for a value that cannot have one.
    case invalidGradientRequest(String)

    package var description: String {
        switch self {
        case .unsupportedOperators(let ops):
            let list = ops.map { op in
                let domain = op.domain.isEmpty ? "ai.onnx" : op.domain
                return "operator '\(op.opType)' (domain \(domain)) in node '\(op.node)'"
            }
            return "unsupported " + list.joined(separator: "; ")
        case .undefinedValue(let name, let node):
            return "node '\(node)' reads '\(name)', which no input, initializer or earlier node defines"
                + " (are the nodes in topological order?)"
        case .duplicateValue(let name, let node):
            return "node '\(node)' defines '\(name)', which is already defined"
        case .undefinedOutput(let name):
            return "graph output '\(name)' is not produced by any node, input or initializer"
        case .missingInput(let name):
            return "graph input '\(name)' was not supplied"
        case .unknownInput(let name, let known):
            return "'\(name)' is not an input of the graph (inputs: \(known.joined(separator: ", ")))"
        case .inputElementType(let name, let declared, let supplied):
            let kind = ValueTypeName.kind(declared)?.rawValue ?? declared
            let engine = kind == declared ? "" : " (\(kind) in the engine)"
            // A float32 feed for a float64 input is widened, so it is accepted too.
            let accepted = kind == ElementKind.double.rawValue ? "\(kind) (or float32)" : kind
            return "input '\(name)' is declared \(declared)\(engine) but was given \(supplied.rawValue) elements;"
                + " supply \(accepted) values"
        case .inputShape(let name, let declared, let supplied):
            let shape = "[" + declared.map(\.description).joined(separator: ", ") + "]"
            let fix = "; supply a tensor of the declared shape (? and named dimensions take any size)"
            guard declared.count == supplied.count, let i = Self.firstMismatch(declared, supplied) else {
                return "input '\(name)' is declared with rank \(declared.count) \(shape),"
                    + " but was given shape \(supplied)" + fix
            }
            return "input '\(name)': dimension \(i) must be \(declared[i]) (declared shape \(shape)),"
                + " but was given shape \(supplied)" + fix
        case .missingKernelOutput(let node, let op, let index):
            return "node '\(node)' (\(op)) did not produce its output \(index)"
        case .notDifferentiable(let node, let op):
            return "no gradient through node '\(node)': operator \(op) is not differentiable"
        case .invalidGradientRequest(let reason):
            return reason
        }
    }

    /// The first fixed dimension of `declared` that `shape` (of the same rank) does not match.
    static func firstMismatch(_ declared: [ValueInfo.Dimension], _ shape: [Int]) -> Int? {
        zip(declared, shape).enumerated().first { _, pair in
            if case .fixed(let n) = pair.0 { n != pair.1 } else { false }
        }?.offset
    }
}
