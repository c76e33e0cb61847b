import AIRiskTensor

/// Converts a decoded TensorProto into an engine ``Tensor``: floating types become float32,
/// integer types int64, bool and string stay as they are.
enum TensorDecoding {
    struct Failure: Error {
        enum Kind { case unsupportedType(String), invalid(String), tooLarge(UInt64) }
        var kind: Kind
    }

    static func elementCount(_ dims: [Int64]) throws -> Int {
        var count = 1
        for d in dims {
            guard d >= 0 else { throw Failure(kind: .invalid("negative dimension \(d) in dims \(dims)")) }
            let (product, overflow) = count.multipliedReportingOverflow(by: Int(d))
            guard !overflow else {
                throw Failure(kind: .invalid("dims \(dims) describe more elements than memory can hold"))
            }
            count = product
        }
        return count
    }

    static func byteWidth(_ code: Int32) -> Int? {
        switch code {
        case 1, 6, 12: 4
        case 2, 3, 9: 1
        case 4, 5, 10, 16: 2
        case 7, 11, 13: 8
        default: nil
        }
    }

    /// The bytes one element takes once decoded: float32, int64, bool, or a string reference.
    static func decodedWidth(_ code: Int32) -> UInt64 {
        switch code {
        case 1, 10, 11, 16: 4
        case 9: 1
        case 8: 16
        default: 8
        }
    }

    /// Decodes `proto`, refusing before any allocation a tensor whose dims would decode to more than
    /// `maxBytes` bytes.
    static func decode(_ proto: TensorProto, maxBytes: UInt64 = ONNXLimits.standard.maxTensorBytes) throws -> Tensor {
        let type = ONNXElementType(code: proto.dataType)
        guard type.isSupported else { throw Failure(kind: .unsupportedType(type.name)) }
        if proto.hasSegment { throw Failure(kind: .invalid("segmented tensors are not supported")) }
        let count = try elementCount(proto.dims)
        let (decodedBytes, overflow) = UInt64(count).multipliedReportingOverflow(by: decodedWidth(proto.dataType))
        guard !overflow, decodedBytes <= maxBytes else {
            throw Failure(kind: .tooLarge(overflow ? UInt64.max : decodedBytes))
        }
        let shape = proto.dims.map { Int($0) }

        if type == .string {
            guard proto.stringData.count == count else {
                throw Failure(
                    kind: .invalid(
                        "dims \(proto.dims) need \(count) strings but string_data has \(proto.stringData.count)"))
            }
            return Tensor(shape: shape, storage: .string(proto.stringData.map { String(decoding: $0, as: UTF8.self) }))
        }

        if let raw = proto.rawData {
            guard let width = byteWidth(proto.dataType) else { throw Failure(kind: .unsupportedType(type.name)) }
            let (needed, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, raw.count == needed else {
                throw Failure(
                    kind: .invalid(
                        "raw_data holds \(raw.count) bytes but dims \(proto.dims) of \(type.name) need \(count * width)"
                    ))
            }
            return Tensor(shape: shape, storage: decodeRaw(raw, code: proto.dataType, count: count))
        }

        if count > 0 && (proto.dataLocation == 1 || proto.hasExternalData) {
            throw Failure(kind: .invalid("tensor data stored in an external file is not supported"))
        }
        let storage: Tensor.Storage
        let available: Int
        switch proto.dataType {
        case 1:
            available = proto.floatData.count
            storage = .float(proto.floatData)
        case 11:
            available = proto.doubleData.count
            storage = .double(proto.doubleData)
        case 2, 3, 4, 5, 6, 9, 10, 16:
            available = proto.int32Data.count
            storage = narrowed(proto.int32Data, code: proto.dataType)
        case 7:
            available = proto.int64Data.count
            storage = .int64(proto.int64Data)
        case 12:
            available = proto.uint64Data.count
            storage = narrowed(proto.uint64Data, code: 12)
        case 13:
            available = proto.uint64Data.count
            guard proto.uint64Data.allSatisfy({ $0 >= 0 }) else {
                throw Failure(kind: .invalid("uint64 value does not fit in int64"))
            }
            storage = .int64(proto.uint64Data)
        default:
            throw Failure(kind: .unsupportedType(type.name))
        }
        guard available == count else {
            throw Failure(
                kind: .invalid(
                    available == 0
                        ? "dims \(proto.dims) need \(count) values but the tensor carries no data"
                        : "dims \(proto.dims) need \(count) values but the data field has \(available)"))
        }
        return Tensor(shape: shape, storage: storage)
    }

    /// Elements of a type narrower than 64 bits (codes 2, 3, 4, 5, 9, 10, 12, 16, and anything else as int32 for
    /// 6), given as their `int32_data` / `uint64_data` entries or little-endian raw words, narrowed to the type (float16 and
    /// bfloat16 as bit patterns) and widened to the engine's storage.
    private static func narrowed<Words: Collection<Int64>>(_ v: Words, code: Int32) -> Tensor.Storage {
        switch code {
        case 10: .float(v.map { halfToFloat(UInt16(truncatingIfNeeded: $0)) })
        case 16: .float(v.map { Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: $0)) << 16) })
        case 2: .int64(v.map { Int64(UInt8(truncatingIfNeeded: $0)) })
        case 3: .int64(v.map { Int64(Int8(truncatingIfNeeded: $0)) })
        case 4: .int64(v.map { Int64(UInt16(truncatingIfNeeded: $0)) })
        case 5: .int64(v.map { Int64(Int16(truncatingIfNeeded: $0)) })
        case 12: .int64(v.map { Int64(UInt32(truncatingIfNeeded: $0)) })
        case 9: .bool(v.map { $0 != 0 })
        default: .int64(v.map { Int64(Int32(truncatingIfNeeded: $0)) })
        }
    }

    private static func decodeRaw(_ raw: ArraySlice<UInt8>, code: Int32, count: Int) -> Tensor.Storage {
        raw.withUnsafeBytes { buf -> Tensor.Storage in
            func u16(_ i: Int) -> UInt16 {
                UInt16(littleEndian: buf.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self))
            }
            func u32(_ i: Int) -> UInt32 {
                UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
            }
            func u64(_ i: Int) -> UInt64 {
                UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
            }
            /// The `count` elements, copied as they lie on a little-endian host, else each built from its word.
            func copied<T>(_ word: (Int) -> T) -> [T] {
                [T](unsafeUninitializedCapacity: count) { out, n in
                    if littleEndianHost, let source = buf.baseAddress, let target = out.baseAddress {
                        UnsafeMutableRawPointer(target).copyMemory(
                            from: source, byteCount: count &* MemoryLayout<T>.stride)
                    } else {
                        for i in 0..<count { out[i] = word(i) }
                    }
                    n = count
                }
            }
            switch code {
            case 1: return .float(copied { Float(bitPattern: u32($0)) })
            case 11: return .double(copied { Double(bitPattern: u64($0)) })
            case 2, 3, 9: return narrowed((0..<count).lazy.map { Int64(buf[$0]) }, code: code)
            case 4, 5, 10, 16: return narrowed((0..<count).lazy.map { Int64(u16($0)) }, code: code)
            case 6, 12: return narrowed((0..<count).lazy.map { Int64(u32($0)) }, code: code)
            default: return .int64(copied { Int64(bitPattern: u64($0)) })  // 7 int64, 13 uint64
            }
        }
    }

    static let littleEndianHost = 1.littleEndian == 1

    /// IEEE 754 binary16 to binary32, including subnormals, infinities and NaN.
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign = UInt32(h >> 15) << 31
        let exponent = UInt32((h >> 10) & 0x1f)
        var mantissa = UInt32(h & 0x3ff)
        if exponent == 0 {
            if mantissa == 0 { return Float(bitPattern: sign) }
            var e: UInt32 = 127 - 15 + 1
            while mantissa & 0x400 == 0 {
                mantissa <<= 1
                e -= 1
            }
            mantissa &= 0x3ff
            return Float(bitPattern: sign | (e << 23) | (mantissa << 13))
        }
        if exponent == 31 { return Float(bitPattern: sign | 0x7f80_0000 | (mantissa << 13)) }
        return Float(bitPattern: sign | ((exponent + 127 - 15) << 23) | (mantissa << 13))
    }
}
