/// A type an ONNX attribute can hold, read by ``Attribute`` with ``NodeAttributes``'s checks and messages.
protocol AttributeDecodable: Sendable {
    /// The attribute `key` of the node, nil when the node does not set it.
    static func read(_ key: String, from node: KernelContext) throws -> Self?
}

/// An element of a list attribute (`ints`, `floats`, `strings`).
protocol AttributeListElement: Sendable {
    static func readList(_ key: String, from node: KernelContext) throws -> [Self]?
}

/// A string attribute naming one of the cases, in their declared order in messages.
protocol AttributeChoice: AttributeDecodable, RawRepresentable, CaseIterable where RawValue == String {}

extension AttributeChoice {
    static func read(_ key: String, from node: KernelContext) throws -> Self? { try node.choice(key) }
}

extension Int: AttributeDecodable, AttributeListElement {
    static func read(_ key: String, from node: KernelContext) throws -> Int? { try node.int(key) }
    static func readList(_ key: String, from node: KernelContext) throws -> [Int]? { try node.ints(key) }
}

/// An integer attribute read as a switch: true when non-zero.
extension Bool: AttributeDecodable {
    static func read(_ key: String, from node: KernelContext) throws -> Bool? { try node.int(key).map { $0 != 0 } }
}

extension Float: AttributeDecodable, AttributeListElement {
    static func read(_ key: String, from node: KernelContext) throws -> Float? { try node.float(key) }
    static func readList(_ key: String, from node: KernelContext) throws -> [Float]? { try node.floats(key) }
}

extension String: AttributeDecodable, AttributeListElement {
    static func read(_ key: String, from node: KernelContext) throws -> String? { try node.string(key) }
    static func readList(_ key: String, from node: KernelContext) throws -> [String]? { try node.strings(key) }
}

extension Array: AttributeDecodable where Element: AttributeListElement {
    static func read(_ key: String, from node: KernelContext) throws -> [Element]? {
        try Element.readList(key, from: node)
    }
}

/// An attribute that may be absent, declared `= nil`.
extension Optional: AttributeDecodable where Wrapped: AttributeDecodable {
    static func read(_ key: String, from node: KernelContext) throws -> Wrapped?? {
        try Wrapped.read(key, from: node).map { .some($0) }
    }
}
