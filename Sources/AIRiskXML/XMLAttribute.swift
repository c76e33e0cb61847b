/// An attribute of an ``XMLElement``.
package struct XMLAttribute: Sendable, Equatable {
    /// Local name.
    package var name: String
    /// Namespace URI, nil for unqualified attributes.
    package var namespace: String?
    package var value: String

    package init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
