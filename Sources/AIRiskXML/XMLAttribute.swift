/// An attribute of an ``XMLElement``.
public struct XMLAttribute: Sendable, Equatable {
    /// Local name.
    public var name: String
    /// Namespace URI, nil for unqualified attributes.
    public var namespace: String?
    public var value: String

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
