import AIRiskSupport

/// Reads a ``CatalogElement`` from its XML element through the entry's synthesized `Decodable`.
///
/// A string or number property is the attribute of its own name, a nested entry the child element of its own name,
/// unless the entry's ``CatalogElement/xmlSources`` says otherwise; ``ElementProperty`` types read the whole
/// element and ``CatalogEnumeration`` types check their spelling. A problem is thrown as the located
/// ``CatalogError`` ``ElementReader`` gives.
struct ElementDecoder: Decoder {
    enum Content {
        /// An entry's element, with the sources of its properties.
        case element(ElementReader, sources: [String: XMLSource])
        /// The elements of a list property; link entries read `ref` from the attribute `ref`.
        case list([ElementReader], ref: String)
    }

    let content: Content
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .element(let r, let sources) = content else { throw unsupportedDecoding(type, at: []) }
        return KeyedDecodingContainer(ElementContainer<Key>(reader: r, sources: sources))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .list(let items, let ref) = content else { throw unsupportedDecoding([Any].self, at: []) }
        return ElementList(items: items, ref: ref)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw unsupportedDecoding(Any.self, at: [])
    }

    /// The element an ``ElementProperty`` is read from.
    static func element(of decoder: any Decoder) throws -> ElementReader {
        guard let decoder = decoder as? ElementDecoder, case .element(let r, _) = decoder.content else {
            throw unsupportedDecoding(ElementReader.self, at: [])
        }
        return r
    }
}

extension ElementReader {
    /// The entry `T` this element holds, decoded by ``ElementDecoder`` and finished by
    /// ``CatalogElement/finish(reading:)``; link entries read `ref` from the attribute `ref`.
    func decode<T: Decodable>(_ type: T.Type, ref: String = "ref") throws(CatalogError) -> T {
        var sources = (T.self as? any CatalogElement.Type)?.xmlSources ?? [:]
        if ref != "ref" { sources["ref"] = .attribute(ref) }
        do {
            let value = try T(from: ElementDecoder(content: .element(self, sources: sources)))
            guard var entry = value as? any CatalogElement else { return value }
            try entry.finish(reading: self)
            return entry as? T ?? value
        } catch let error as CatalogError {
            throw error
        } catch {
            throw issue("cannot read <\(element.name)>: \(error)", id: element[attribute: "id"])
        }
    }
}

/// A string or number's text, with the element it is read from and its name for messages.
private struct Scalar {
    var text: String
    var holder: ElementReader
    var name: String

    func integer() throws(CatalogError) -> Int { try parse({ Int($0) }, or: "is not an integer") }

    func number() throws(CatalogError) -> Double { try parse({ Double($0) }, or: "is not a number") }

    private func parse<T>(_ parse: (String) -> T?, or problem: String) throws(CatalogError) -> T {
        guard let value = parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw holder.issue("\(name) \(problem): \(text)")
        }
        return value
    }
}

/// The properties of one entry's element.
private struct ElementContainer<Key: CodingKey>: GenericKeyedDecodingContainer {
    let reader: ElementReader
    let sources: [String: XMLSource]
    var codingPath: [any CodingKey] { [] }

    private func scalar(_ key: Key) throws(CatalogError) -> Scalar {
        let name = key.stringValue
        switch sources[name] ?? .attribute(name) {
        case .attribute(let attribute, let fallback):
            var text = reader.optional(attribute) ?? fallback
            if text == nil { text = try reader.attribute(attribute) }
            return Scalar(
                text: text ?? "", holder: reader, name: "attribute \"\(attribute)\" of <\(reader.element.name)>")
        case .childAttribute(let attribute, let child):
            let holder = try reader.child(child)
            return Scalar(
                text: try holder.attribute(attribute), holder: holder, name: "attribute \"\(attribute)\" of <\(child)>")
        case .childText:
            let holder = try reader.child(name)
            return Scalar(text: holder.text, holder: holder, name: "<\(name)>")
        case .text:
            return Scalar(text: reader.text, holder: reader, name: "the text of <\(reader.element.name)>")
        case .children:
            throw reader.issue("<\(reader.element.name)> property \(name) is a list, not a value")
        }
    }

    func contains(_ key: Key) -> Bool {
        let name = key.stringValue
        switch sources[name] {
        case nil: return reader.optional(name) != nil || reader.element.element(named: name) != nil
        case .attribute(let attribute, let fallback): return fallback != nil || reader.optional(attribute) != nil
        case .childAttribute(_, let child): return reader.element.element(named: child) != nil
        case .childText: return reader.element.element(named: name) != nil
        case .text, .children: return true
        }
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(key).text }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(key).integer() }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(key).number() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let enumeration = T.self as? any CatalogEnumeration.Type {
            let value = try scalar(key)
            guard let parsed = enumeration.init(catalogText: value.text) as? T else {
                throw value.holder.issue(
                    "\(value.name) must be \(enumeration.accepted): \(value.text)", id: reader.optional("id"))
            }
            return parsed
        }
        if T.self is any ElementProperty.Type {
            return try T(from: ElementDecoder(content: .element(reader, sources: [:])))
        }
        let name = key.stringValue
        guard case .children(let child, let wrapper, let wrapperOptional, let ref) = sources[name] else {
            return try reader.child(name).decode(T.self)
        }
        var holders = [reader]
        if let wrapper {
            holders = reader.children(wrapper)
            if holders.isEmpty && !wrapperOptional { _ = try reader.child(wrapper) }
        }
        return try T(from: ElementDecoder(content: .list(holders.flatMap { $0.children(child) }, ref: ref)))
    }
}

/// The elements of a list property: entries, or strings and numbers read from each element's text.
private struct ElementList: GenericUnkeyedDecodingContainer {
    let items: [ElementReader]
    let ref: String
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex == items.count }

    private mutating func next() -> ElementReader {
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    private mutating func text() -> Scalar {
        let item = next()
        return Scalar(text: item.text, holder: item, name: "<\(item.element.name)>")
    }

    mutating func decode(_ type: String.Type) throws -> String { next().text }
    mutating func decode(_ type: Int.Type) throws -> Int { try text().integer() }
    mutating func decode(_ type: Double.Type) throws -> Double { try text().number() }
    /// An element; `Array`'s `init(from:)` asks for strings and numbers through this requirement too.
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value: Any
        switch type {
        case let string as String.Type: value = try decode(string)
        case let integer as Int.Type: value = try decode(integer)
        case let number as Double.Type: value = try decode(number)
        default: return try next().decode(T.self, ref: ref)
        }
        guard let value = value as? T else { throw unsupportedDecoding(type, at: []) }
        return value
    }
}
