/// A bounds-checked cursor over one protobuf message inside a shared byte buffer.
///
/// Sub-messages are read by narrowing the range of the same buffer, so decoding never copies
/// the payload of a length-delimited field; `raw_data` of tensors stays a slice of the file
/// until it is converted.
struct ProtoReader {
    let bytes: FileBytes
    private(set) var position: Int
    let end: Int
    /// Where this message sits in the file, for error messages.
    let path: String
    /// Nesting depth, bounded so that a hostile file cannot exhaust the stack.
    let depth: Int
    /// The deepest nesting accepted (``ONNXLimits/maxMessageDepth``).
    let maximumDepth: Int
    /// The most values one repeated numeric field may hold (across all its packed and unpacked
    /// entries), counted before the values are decoded so that a small file cannot make the reader
    /// allocate many times its own size.
    let maximumElements: Int
    static let defaultMaximumDepth = 100

    /// A reader over a copy of `bytes`.
    init(
        bytes: [UInt8], range: Range<Int>? = nil, path: String, depth: Int = 0,
        maximumDepth: Int = ProtoReader.defaultMaximumDepth, maximumElements: Int = Int.max
    ) {
        self.init(
            bytes: FileBytes(copying: bytes), range: range, path: path, depth: depth, maximumDepth: maximumDepth,
            maximumElements: maximumElements)
    }

    init(
        bytes: FileBytes, range: Range<Int>? = nil, path: String, depth: Int = 0,
        maximumDepth: Int = ProtoReader.defaultMaximumDepth, maximumElements: Int = Int.max
    ) {
        self.bytes = bytes
        self.depth = depth
        self.maximumDepth = maximumDepth
        self.maximumElements = maximumElements
        let r = range ?? 0..<bytes.count
        self.position = r.lowerBound
        self.end = r.upperBound
        self.path = path
    }

    var isAtEnd: Bool { position >= end }

    func error(_ field: String?, _ reason: String) -> ProtoDecodingError {
        ProtoDecodingError(fieldPath: field.map { path + "." + $0 } ?? path, reason: reason)
    }

    /// Reads the next field key. Field number 0, unknown wire types and groups are errors.
    mutating func readTag() throws -> (field: Int, wireType: WireType) {
        let start = position
        let key = try readVarint(field: nil)
        let rawWire = UInt8(truncatingIfNeeded: key & 7)
        let field = key >> 3
        guard field > 0, field <= 536_870_911 else {
            throw error(nil, "invalid field number \(field) at byte offset \(start)")
        }
        guard let wire = WireType(rawValue: rawWire) else {
            throw error(nil, "unsupported wire type \(rawWire) for field \(field) at byte offset \(start)")
        }
        return (Int(field), wire)
    }

    /// Reads the fields of the message up to its end: `read` gets each field's number and wire type and reads
    /// (or skips) its value from the reader it is handed, which is this one.
    mutating func forEachField(_ read: (inout ProtoReader, Int, WireType) throws -> Void) throws {
        while !isAtEnd {
            let (field, wire) = try readTag()
            try read(&self, field, wire)
        }
    }

    mutating func readVarint(field: String?) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else {
                throw error(field, "truncated varint (message ends at byte offset \(end))")
            }
            let byte = bytes[position]
            position &+= 1
            if shift == 63 && byte > 1 {
                throw error(field, "varint longer than 64 bits at byte offset \(position - 1)")
            }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 {
                throw error(field, "varint longer than 10 bytes at byte offset \(position - 1)")
            }
        }
    }

    mutating func readFixed32(field: String?) throws -> UInt32 { try readLittleEndian("fixed32", field: field) }

    mutating func readFixed64(field: String?) throws -> UInt64 { try readLittleEndian("fixed64", field: field) }

    /// A little-endian fixed-width value (`name` is its wire type, for the error when the message ends first).
    private mutating func readLittleEndian<Value: FixedWidthInteger & UnsignedInteger>(
        _ name: String, field: String?
    ) throws -> Value {
        let size = MemoryLayout<Value>.size
        guard end - position >= size else { throw error(field, "truncated \(name) value at byte offset \(position)") }
        var v: Value = 0
        for i in 0..<size { v |= Value(bytes[position &+ i]) << (8 * i) }
        position &+= size
        return v
    }

    /// Reads a length prefix and returns the payload's byte range, checking it lies inside the message.
    mutating func readLengthDelimited(field: String?) throws -> Range<Int> {
        let at = position
        let length = try readVarint(field: field)
        guard length <= UInt64(end - position) else {
            throw error(
                field,
                "length \(length) at byte offset \(at) runs past the end of the enclosing message "
                    + "(\(end - position) bytes left)")
        }
        let start = position
        position &+= Int(length)
        return start..<position
    }

    /// Skips a field this reader does not need.
    mutating func skip(_ wireType: WireType, field: Int) throws {
        let name = "field \(field)"
        switch wireType {
        case .varint: _ = try readVarint(field: name)
        case .fixed32: _ = try readFixed32(field: name)
        case .fixed64: _ = try readFixed64(field: name)
        case .lengthDelimited: _ = try readLengthDelimited(field: name)
        }
    }

    /// A reader over a nested message.
    func nested(_ range: Range<Int>, path: String) -> ProtoReader {
        ProtoReader(
            bytes: bytes, range: range, path: path, depth: depth, maximumDepth: maximumDepth,
            maximumElements: maximumElements)
    }

    // MARK: Typed field readers, each checking the wire type.

    func expect(_ wire: WireType, _ expected: WireType, _ field: String) throws {
        guard wire == expected else {
            throw error(field, "wrong wire type \(wire), expected \(expected)")
        }
    }

    mutating func int64(_ wire: WireType, _ field: String) throws -> Int64 {
        try expect(wire, .varint, field)
        return Int64(bitPattern: try readVarint(field: field))
    }

    mutating func int32(_ wire: WireType, _ field: String) throws -> Int32 {
        try expect(wire, .varint, field)
        return Int32(truncatingIfNeeded: Int64(bitPattern: try readVarint(field: field)))
    }

    mutating func float(_ wire: WireType, _ field: String) throws -> Float {
        try expect(wire, .fixed32, field)
        return Float(bitPattern: try readFixed32(field: field))
    }

    mutating func bytesRange(_ wire: WireType, _ field: String) throws -> Range<Int> {
        try expect(wire, .lengthDelimited, field)
        return try readLengthDelimited(field: field)
    }

    mutating func string(_ wire: WireType, _ field: String) throws -> String {
        let r = try bytesRange(wire, field)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    mutating func message(_ wire: WireType, _ field: String) throws -> ProtoReader {
        let r = try bytesRange(wire, field)
        guard depth < maximumDepth else {
            throw error(field, "messages nested more than \(maximumDepth) levels deep")
        }
        return ProtoReader(
            bytes: bytes, range: r, path: path + "." + field, depth: depth + 1, maximumDepth: maximumDepth,
            maximumElements: maximumElements)
    }

    /// The length-delimited sub-message `field`, read by `decode` (a message's `init(from:)` or `decode(_:)`).
    mutating func message<Message>(
        _ wire: WireType, _ field: String, _ decode: (inout ProtoReader) throws -> Message
    ) throws -> Message {
        var sub = try message(wire, field)
        return try decode(&sub)
    }

    /// Throws unless `count` more values fit in a repeated field already holding `held`, under `limit`
    /// (and ``maximumElements``). Called before any value of a packed payload is decoded.
    func checkRoom(_ field: String, held: Int, adding count: Int, limit: Int?) throws {
        let ceiling = min(limit ?? maximumElements, maximumElements)
        guard count <= ceiling && held <= ceiling - count else {
            let what = ceiling == maximumElements ? "the reader's ceiling" : "what the tensor's dims describe"
            throw error(field, "holds more than \(ceiling) values (\(what)); the file is damaged or hostile")
        }
    }

    /// The number of varints in a packed payload (one per byte without the continuation bit), counting
    /// no further than `cap + 1`: a payload refused for holding more than `cap` values is refused after
    /// at most that many, and at once when even ten-byte varints could not fit.
    func varintCount(_ r: Range<Int>, cap: Int = Int.max) -> Int {
        let atLeast = r.count / 10
        if atLeast > cap { return atLeast }
        var n = 0
        bytes.withUnsafeBufferPointer { b in
            for p in r where b[p] & 0x80 == 0 {
                n &+= 1
                if n > cap { return }
            }
        }
        return n
    }

    /// A repeated varint field, packed (length-delimited) or not.
    /// At most `limit` values in all (and ``maximumElements``), counted before decoding.
    mutating func appendVarints(_ wire: WireType, _ field: String, to out: inout [Int64], limit: Int? = nil) throws {
        if wire == .varint {
            try checkRoom(field, held: out.count, adding: 1, limit: limit)
            out.append(Int64(bitPattern: try readVarint(field: field)))
            return
        }
        try expect(wire, .lengthDelimited, field)
        let r = try readLengthDelimited(field: field)
        let ceiling = min(limit ?? maximumElements, maximumElements)
        let count = varintCount(r, cap: ceiling)
        try checkRoom(field, held: out.count, adding: count, limit: limit)
        out.reserveCapacity(out.count + count)
        var sub = nested(r, path: path)
        while !sub.isAtEnd { out.append(Int64(bitPattern: try sub.readVarint(field: field))) }
    }

    /// A repeated float field, packed or not.
    mutating func appendFloats(_ wire: WireType, _ field: String, to out: inout [Float], limit: Int? = nil) throws {
        guard let r = try packedPayload(wire, field, single: .fixed32, width: 4, "float", held: out.count, limit: limit)
        else {
            out.append(Float(bitPattern: try readFixed32(field: field)))
            return
        }
        out.reserveCapacity(out.count + r.count / 4)
        var p = r.lowerBound
        while p < r.upperBound {
            let v =
                UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16
                | UInt32(bytes[p + 3]) << 24
            out.append(Float(bitPattern: v))
            p &+= 4
        }
    }

    /// A repeated double field, packed or not.
    mutating func appendDoubles(_ wire: WireType, _ field: String, to out: inout [Double], limit: Int? = nil)
        throws
    {
        guard
            let r = try packedPayload(wire, field, single: .fixed64, width: 8, "double", held: out.count, limit: limit)
        else {
            out.append(Double(bitPattern: try readFixed64(field: field)))
            return
        }
        var sub = nested(r, path: path)
        while !sub.isAtEnd { out.append(Double(bitPattern: try sub.readFixed64(field: field))) }
    }

    /// One occurrence of a repeated fixed-width field, before its values are decoded: nil for a single unpacked
    /// value (wire type `single`), once there is room for it; otherwise the packed payload's bytes, once they hold
    /// whole `width`-byte values that fit beside the `held` ones (`type` names the values in the error).
    private mutating func packedPayload(
        _ wire: WireType, _ field: String, single: WireType, width: Int, _ type: String, held: Int, limit: Int?
    ) throws -> Range<Int>? {
        if wire == single {
            try checkRoom(field, held: held, adding: 1, limit: limit)
            return nil
        }
        try expect(wire, .lengthDelimited, field)
        let r = try readLengthDelimited(field: field)
        guard r.count % width == 0 else {
            throw error(field, "packed \(type) payload of \(r.count) bytes is not a multiple of \(width)")
        }
        try checkRoom(field, held: held, adding: r.count / width, limit: limit)
        return r
    }
}
