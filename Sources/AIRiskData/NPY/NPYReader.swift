import AIRiskSupport
import AIRiskTensor
import Foundation

/// Reads numpy .npy arrays into ``Tensor``s.
///
/// Element types map onto the engine's storage as follows:
/// - float16, float32, float64 → `.float` (Float32; float64 values are rounded to the nearest Float32),
/// - int8 … int64 and uint8 … uint64 → `.int64` (a uint64 value above `Int64.max` is an error),
/// - bool → `.bool`.
///
/// Fortran-ordered arrays are transposed into the engine's row-major layout; big-endian data is byte-swapped.
package enum NPYReader {
    /// Reads the .npy file at `url`. The header is read and checked (against `limits` too) before the array
    /// data is read, so an oversized or malformed file is refused without allocating for it.
    package static func read(contentsOf url: URL, limits: DataLimits = .standard) throws -> Tensor {
        let file = url.path
        if let problem = RegularFile.problem(at: file) { throw DataError.unreadable(file: file, reason: problem) }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw DataError.unreadable(file: file, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        do {
            let fileSize = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            let prefixLength = Int(min(fileSize, UInt64(12 + limits.maxHeaderLength)))
            let prefix = try handle.read(upToCount: prefixLength) ?? Data()
            let header = try prefix.withUnsafeBytes { try NPYHeader.parse($0, file: file, limits: limits) }
            try checkPayloadSize(header, available: fileSize - UInt64(header.dataOffset), file: file)
            try handle.seek(toOffset: UInt64(header.dataOffset))
            let payload = try handle.read(upToCount: Int(header.dataByteCount)) ?? Data()
            try checkPayloadSize(header, available: UInt64(payload.count), file: file)
            return try payload.withUnsafeBytes { try decode($0, header: header, file: file) }
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.unreadable(file: file, reason: error.localizedDescription)
        }
    }

    /// Reads a .npy image held in memory (e.g. an entry of a .npz archive). `name` names it in errors.
    package static func read(data: Data, name: String, limits: DataLimits = .standard) throws -> Tensor {
        try data.withUnsafeBytes { raw in
            let header = try NPYHeader.parse(raw, file: name, limits: limits)
            try checkPayloadSize(header, available: UInt64(raw.count - header.dataOffset), file: name)
            let payload = UnsafeRawBufferPointer(rebasing: raw[header.dataOffset...])
            return try decode(payload, header: header, file: name)
        }
    }

    /// Reads only the header of the .npy image in `data`.
    package static func header(data: Data, name: String, limits: DataLimits = .standard) throws -> NPYHeader {
        try data.withUnsafeBytes { try NPYHeader.parse($0, file: name, limits: limits) }
    }

    /// Bytes per element once decoded into a ``Tensor``.
    static func decodedItemSize(_ dtype: NPYDType) -> Int {
        switch dtype.kind {
        case .float: MemoryLayout<Float>.size
        case .signed, .unsigned: MemoryLayout<Int64>.size
        case .bool: MemoryLayout<Bool>.size
        }
    }

    private static func checkPayloadSize(_ header: NPYHeader, available: UInt64, file: String) throws {
        guard available == header.dataByteCount else {
            throw DataError.sizeMismatch(file: file, expected: header.dataByteCount, actual: available)
        }
    }

    /// Decodes `header.elementCount` elements from `raw` (which holds exactly the array data).
    static func decode(_ raw: UnsafeRawBufferPointer, header: NPYHeader, file: String) throws -> Tensor {
        let n = header.elementCount
        let big = header.dtype.isBigEndian
        var storage: Tensor.Storage
        switch (header.dtype.kind, header.dtype.itemSize) {
        case (.float, 2): storage = .float(map(raw, n, big) { (h: UInt16) in halfToFloat(h) })
        case (.float, 4): storage = .float(map(raw, n, big) { (b: UInt32) in Float(bitPattern: b) })
        case (.float, 8): storage = .float(map(raw, n, big) { (b: UInt64) in Float(Double(bitPattern: b)) })
        case (.signed, 1): storage = .int64(map(raw, n, big) { (v: Int8) in Int64(v) })
        case (.signed, 2): storage = .int64(map(raw, n, big) { (v: Int16) in Int64(v) })
        case (.signed, 4): storage = .int64(map(raw, n, big) { (v: Int32) in Int64(v) })
        case (.signed, 8): storage = .int64(map(raw, n, big) { (v: Int64) in v })
        case (.unsigned, 1): storage = .int64(map(raw, n, big) { (v: UInt8) in Int64(v) })
        case (.unsigned, 2): storage = .int64(map(raw, n, big) { (v: UInt16) in Int64(v) })
        case (.unsigned, 4): storage = .int64(map(raw, n, big) { (v: UInt32) in Int64(v) })
        case (.unsigned, 8):
            let values: [UInt64] = map(raw, n, big) { (v: UInt64) in v }
            if let index = values.firstIndex(where: { $0 > UInt64(Int64.max) }) {
                throw DataError.unsupportedDType(
                    file: file, descr: header.dtype.descr,
                    reason: "element \(index) is \(values[index]), beyond the int64 range the engine uses")
            }
            storage = .int64(values.map { Int64(bitPattern: $0) })
        case (.bool, _): storage = .bool(map(raw, n, false) { (v: UInt8) in v != 0 })
        default:
            throw DataError.unsupportedDType(file: file, descr: header.dtype.descr, reason: "unsupported element size")
        }
        if header.fortranOrder && header.shape.count > 1 {
            switch storage {
            case .float(let v): storage = .float(fortranToRowMajor(v, shape: header.shape))
            case .double(let v): storage = .double(fortranToRowMajor(v, shape: header.shape))
            case .int64(let v): storage = .int64(fortranToRowMajor(v, shape: header.shape))
            case .bool(let v): storage = .bool(fortranToRowMajor(v, shape: header.shape))
            case .string(let v): storage = .string(fortranToRowMajor(v, shape: header.shape))
            }
        }
        return Tensor(shape: header.shape, storage: storage)
    }

    /// Loads `count` fixed-width values of type `T` from `raw`, byte-swapping when `bigEndian`, and converts each.
    @inline(__always)
    private static func map<T: FixedWidthInteger, Out>(
        _ raw: UnsafeRawBufferPointer, _ count: Int, _ bigEndian: Bool, _ convert: (T) -> Out
    ) -> [Out] {
        let size = MemoryLayout<T>.size
        return [Out](unsafeUninitializedCapacity: count) { out, initialized in
            if bigEndian {
                for i in 0..<count {
                    out.initializeElement(
                        at: i, to: convert(T(bigEndian: raw.loadUnaligned(fromByteOffset: i &* size, as: T.self))))
                }
            } else {
                for i in 0..<count {
                    out.initializeElement(
                        at: i, to: convert(T(littleEndian: raw.loadUnaligned(fromByteOffset: i &* size, as: T.self))))
                }
            }
            initialized = count
        }
    }

    /// IEEE 754 half precision to single precision, exactly (every float16 value is a float32 value).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: UInt32 = UInt32(h & 0x8000) << 16
        let exponent = UInt32((h >> 10) & 0x1F)
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * 0x1p-24
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
    }

    /// Reorders column-major elements of an array with `shape` into row-major order.
    static func fortranToRowMajor<T>(_ values: [T], shape: [Int]) -> [T] {
        let rank = shape.count
        guard rank > 1, !values.isEmpty else { return values }
        // Column-major strides: the first index varies fastest.
        var strides = [Int](repeating: 1, count: rank)
        for d in 1..<rank { strides[d] = strides[d - 1] &* shape[d - 1] }
        var out: [T] = []
        out.reserveCapacity(values.count)
        var index = [Int](repeating: 0, count: rank)
        var source = 0
        let innerStride = strides[rank - 1]
        let innerCount = shape[rank - 1]
        while true {
            var s = source
            for _ in 0..<innerCount {
                out.append(values[s])
                s &+= innerStride
            }
            // Advance the row-major odometer over all but the last dimension.
            var d = rank - 2
            while d >= 0 {
                index[d] &+= 1
                source &+= strides[d]
                if index[d] < shape[d] { break }
                source &-= strides[d] &* shape[d]
                index[d] = 0
                d -= 1
            }
            if d < 0 { return out }
        }
    }
}
