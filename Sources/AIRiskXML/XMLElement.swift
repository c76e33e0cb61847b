/// An XML element as a plain Swift value.
///
/// Documents read by ``XMLReader`` become trees of these, and ``XMLWriter`` serialises them, so the
/// rest of the project never sees a libxml2 pointer.
package struct XMLElement: Sendable, Equatable {
    /// Local name.
    package var name: String
    /// Namespace URI, nil when the element is in no namespace.
    package var namespace: String?
    package var attributes: [XMLAttribute]
    package var children: [XMLNode]
    /// 1-based line in the source document; 0 for elements built in memory.
    package var line: Int

    /// An element; `attributes` are stored sorted by name so output is deterministic.
    package init(
        _ name: String, namespace: String? = nil, attributes: [String: String] = [:], children: [XMLNode] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes.sorted { $0.key < $1.key }.map { XMLAttribute(name: $0.key, value: $0.value) }
        self.children = children
        self.line = 0
    }

    /// An element with attributes in the given order (e.g. as read from a file).
    package init(
        name: String, namespace: String?, orderedAttributes: [XMLAttribute], children: [XMLNode], line: Int
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = orderedAttributes
        self.children = children
        self.line = line
    }

    /// The value of the unqualified attribute with this local name.
    package subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// Direct child elements.
    package var elements: [XMLElement] {
        children.compactMap {
            if case .element(let e) = $0 { return e }
            return nil
        }
    }

    /// Direct child elements with this local name.
    package func elements(named name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// The first direct child element with this local name.
    package func element(named name: String) -> XMLElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The concatenated character data of this element and all its descendants.
    package var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let s): out += s
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// Appends a child element.
    package mutating func append(_ element: XMLElement) {
        children.append(.element(element))
    }

    /// Appends character data.
    package mutating func append(text: String) {
        children.append(.text(text))
    }
}
