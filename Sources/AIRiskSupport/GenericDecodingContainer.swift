/// A keyed container for a decoder that reads only some kinds of value (the catalog's XML reader, the tensor
/// engine's node attributes): every requirement it does not implement throws a type mismatch, so a conformer writes
/// only what its format holds.
package protocol GenericKeyedDecodingContainer: KeyedDecodingContainerProtocol {}

/// The same for an unkeyed container.
package protocol GenericUnkeyedDecodingContainer: UnkeyedDecodingContainer {}

/// The error for a value a partial decoder does not read.
package func unsupportedDecoding(_ type: Any.Type, at codingPath: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "this format holds no \(type) here"))
}

extension GenericKeyedDecodingContainer {
    package var allKeys: [Key] { [] }
    package func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }
    package func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try unsupported(type, key) }
    package func decode(_ type: String.Type, forKey key: Key) throws -> String { try unsupported(type, key) }
    package func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try unsupported(type, key) }
    package func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try unsupported(type, key) }
    package func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try unsupported(type, key) }
    package func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try unsupported(type, key) }
    package func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try unsupported(type, key) }
    package func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try unsupported(type, key) }
    package func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try unsupported(type, key) }
    package func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try unsupported(type, key) }
    package func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try unsupported(type, key) }
    package func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try unsupported(type, key) }
    package func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try unsupported(type, key) }
    package func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try unsupported(type, key) }

    package func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> { try unsupported(type, key) }
    package func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try unsupported([Any].self, key)
    }
    package func superDecoder() throws -> any Decoder { try unsupported((any Decoder).self, nil) }
    package func superDecoder(forKey key: Key) throws -> any Decoder { try unsupported((any Decoder).self, key) }

    private func unsupported<T>(_ type: Any.Type, _ key: Key?) throws -> T {
        throw unsupportedDecoding(type, at: codingPath + (key.map { [$0] } ?? []))
    }
}

extension GenericUnkeyedDecodingContainer {
    package mutating func decodeNil() throws -> Bool { false }
    package mutating func decode(_ type: Bool.Type) throws -> Bool { try unsupported(type) }
    package mutating func decode(_ type: String.Type) throws -> String { try unsupported(type) }
    package mutating func decode(_ type: Double.Type) throws -> Double { try unsupported(type) }
    package mutating func decode(_ type: Float.Type) throws -> Float { try unsupported(type) }
    package mutating func decode(_ type: Int.Type) throws -> Int { try unsupported(type) }
    package mutating func decode(_ type: Int8.Type) throws -> Int8 { try unsupported(type) }
    package mutating func decode(_ type: Int16.Type) throws -> Int16 { try unsupported(type) }
    package mutating func decode(_ type: Int32.Type) throws -> Int32 { try unsupported(type) }
    package mutating func decode(_ type: Int64.Type) throws -> Int64 { try unsupported(type) }
    package mutating func decode(_ type: UInt.Type) throws -> UInt { try unsupported(type) }
    package mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try unsupported(type) }
    package mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try unsupported(type) }
    package mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try unsupported(type) }
    package mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try unsupported(type) }

    package mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> { try unsupported(type) }
    package mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try unsupported([Any].self)
    }
    package mutating func superDecoder() throws -> any Decoder { try unsupported((any Decoder).self) }

    private func unsupported<T>(_ type: Any.Type) throws -> T { throw unsupportedDecoding(type, at: codingPath) }
}
