import AIRiskSupport

/// A kernel property read from the node attribute of its name (or `name`), the way swift-argument-parser declares
/// options: `@Attribute("keepdims") var keepDims = true`. The initial value is the ONNX default; a property without
/// one is a required attribute. ``AttributedKernel`` reads every such property when the kernel is built, so a wrong
/// type or a missing required attribute fails at load, naming the node and the attribute.
@propertyWrapper
struct Attribute<Value: AttributeDecodable>: Sendable {
    /// The ONNX attribute's name; nil for the property's own.
    let name: String?
    private let value: Value?

    var wrappedValue: Value {
        guard let value else { preconditionFailure("required attribute \(name ?? "") read before the node was") }
        return value
    }

    /// An optional attribute and its default.
    init(wrappedValue: Value, _ name: String? = nil) {
        self.name = name
        value = wrappedValue
    }

    /// A required attribute.
    init(_ name: String? = nil) {
        self.name = name
        value = nil
    }
}

extension Attribute: Decodable {
    /// The node's attribute, or the declaration's default; decoded only by ``NodeAttributeDecoder``.
    init(from decoder: any Decoder) throws {
        let (kernel, property) = try NodeAttributeDecoder.property(of: decoder)
        guard let declared = kernel.declarations["_" + property] as? Self else {
            throw unsupportedDecoding(Self.self, at: decoder.codingPath)
        }
        let key = declared.name ?? property
        name = declared.name
        value = try Value.read(key, from: kernel.context) ?? declared.value
        guard value != nil else { throw kernel.context.attributeError(key, "is required") }
    }
}

/// The kernel's ``KernelContext`` (node name, operator, attributes), for an ``AttributedKernel``'s errors and
/// input checks.
@propertyWrapper
struct NodeContext: Sendable {
    var wrappedValue: KernelContext

    /// The context of no node, which ``AttributedKernel`` replaces before the kernel is used.
    init() { wrappedValue = KernelContext(Node(name: "", opType: "", inputs: [], outputs: [])) }
}

extension NodeContext: Decodable {
    init(from decoder: any Decoder) throws { wrappedValue = try NodeAttributeDecoder.property(of: decoder).0.context }
}

/// The graph's opset for the kernel's domain, for an ``AttributedKernel`` whose defaults or inputs changed between
/// versions of its operator.
@propertyWrapper
struct Opset: Sendable {
    var wrappedValue = 0

    init() {}
}

extension Opset: Decodable {
    init(from decoder: any Decoder) throws { wrappedValue = try NodeAttributeDecoder.property(of: decoder).0.opset }
}
