import AIRiskSupport

/// Decodes an ``AttributedKernel`` from its node: the kernel's synthesized `init(from:)` asks for each property by
/// name, and the ``Attribute`` and ``NodeContext`` wrappers read it from here. `declarations` are the wrappers of
/// the kernel's `init()`, by property label (`_keepDims`), which carry each attribute's name and default; `opset` is
/// what ``Opset`` reads.
struct NodeAttributeDecoder: Decoder {
    let context: KernelContext
    let opset: Int
    let declarations: [String: Any]
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Properties<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw unsupportedDecoding([Any].self, at: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw unsupportedDecoding(Any.self, at: codingPath)
    }

    /// The decoder and the name of the property a wrapper is being decoded for.
    static func property(of decoder: any Decoder) throws -> (NodeAttributeDecoder, String) {
        guard let decoder = decoder as? NodeAttributeDecoder, let key = decoder.codingPath.last else {
            throw unsupportedDecoding(Any.self, at: decoder.codingPath)
        }
        return (decoder, key.stringValue)
    }

    /// A kernel's properties: each is a wrapper that decodes itself.
    private struct Properties<Key: CodingKey>: GenericKeyedDecodingContainer {
        let decoder: NodeAttributeDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func contains(_ key: Key) -> Bool { true }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            var property = decoder
            property.codingPath.append(key)
            return try T(from: property)
        }
    }
}
