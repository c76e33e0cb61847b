import Foundation

/// The parsed header of a .npy file (format versions 1.0, 2.0 and 3.0).
///
/// Parsing is strict: the magic string, version, header length, the three required dictionary keys and no
/// others, the dtype, and a shape of non-negative dimensions whose element count and byte size fit in memory
/// and under ``DataLimits/maxArrayBytes``. Nothing is allocated for the array before these checks pass.
package struct NPYHeader: Sendable, Equatable {
    package var majorVersion: UInt8
    package var minorVersion: UInt8
    package var dtype: NPYDType
    /// Whether the data is stored column-major (Fortran order); the reader transposes it to row-major.
    package var fortranOrder: Bool
    package var shape: [Int]
    /// The byte offset of the array data from the start of the file.
    package var dataOffset: Int
    /// The number of elements, the product of `shape`.
    package var elementCount: Int
    /// The number of bytes of array data the header declares.
    package var dataByteCount: UInt64

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
    /// Magic, two version bytes and the shortest (version 1.0) length field.
    static let minimumPrefix = 10

    /// Parses the header at the start of `bytes`, which need only cover the header itself.
    /// - Parameters:
    ///   - file: names the file in errors.
    ///   - decodedItemSize: bytes per element once decoded, so the in-memory size is checked as well.
    static func parse(_ bytes: UnsafeRawBufferPointer, file: String, limits: DataLimits) throws -> NPYHeader {
        guard bytes.count >= minimumPrefix else {
            throw DataError.malformedHeader(file: file, reason: "the file is only \(bytes.count) bytes long")
        }
        guard Array(bytes[0..<6]) == magic else {
            throw DataError.malformedHeader(file: file, reason: "missing the \\x93NUMPY magic string; not a .npy file")
        }
        let major = bytes[6]
        let minor = bytes[7]
        let headerLength: Int
        let lengthFieldEnd: Int
        switch (major, minor) {
        case (1, 0):
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            lengthFieldEnd = 10
        case (2, 0), (3, 0):
            guard bytes.count >= 12 else {
                throw DataError.malformedHeader(file: file, reason: "the file ends inside the header length")
            }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            lengthFieldEnd = 12
        default:
            throw DataError.malformedHeader(
                file: file, reason: "format version \(major).\(minor) is not supported (1.0, 2.0 and 3.0 are)")
        }
        guard headerLength > 0, headerLength <= limits.maxHeaderLength else {
            throw DataError.malformedHeader(
                file: file,
                reason: "header length \(headerLength) is outside 1…\(limits.maxHeaderLength) bytes")
        }
        let dataOffset = lengthFieldEnd + headerLength
        guard dataOffset <= bytes.count else {
            throw DataError.malformedHeader(
                file: file, reason: "the header declares \(headerLength) bytes but the file ends before that")
        }
        let text = Array(bytes[lengthFieldEnd..<dataOffset])
        if major < 3, text.contains(where: { $0 >= 0x80 }) {
            throw DataError.malformedHeader(file: file, reason: "non-ASCII bytes in a version \(major).0 header")
        }
        let literal: PythonLiteral
        do {
            literal = try PythonLiteralParser.parse(text)
        } catch let error as PythonLiteralError {
            throw DataError.malformedHeader(file: file, reason: error.reason)
        }
        guard case .dict(let entries) = literal else {
            throw DataError.malformedHeader(file: file, reason: "the header is not a dictionary")
        }
        let allowed: Set<String> = ["descr", "fortran_order", "shape"]
        if let extra = entries.first(where: { !allowed.contains($0.0) }) {
            throw DataError.malformedHeader(file: file, reason: "unexpected key '\(extra.0)'")
        }
        func value(_ key: String) throws -> PythonLiteral {
            guard let v = entries.first(where: { $0.0 == key })?.1 else {
                throw DataError.malformedHeader(file: file, reason: "missing key '\(key)'")
            }
            return v
        }
        let dtype: NPYDType
        switch try value("descr") {
        case .string(let descr): dtype = try NPYDType(descr: descr, file: file)
        case .list:
            throw DataError.unsupportedDType(
                file: file, descr: "structured", reason: "structured (record) arrays are not supported")
        case let other:
            throw DataError.malformedHeader(file: file, reason: "'descr' is \(other.summary), expected a string")
        }
        guard case .bool(let fortranOrder) = try value("fortran_order") else {
            throw DataError.malformedHeader(file: file, reason: "'fortran_order' must be True or False")
        }
        guard case .tuple(let dims) = try value("shape") else {
            throw DataError.malformedHeader(file: file, reason: "'shape' must be a tuple of integers")
        }
        var shape: [Int] = []
        for dim in dims {
            guard case .integer(let n) = dim else {
                throw DataError.malformedHeader(file: file, reason: "'shape' must be a tuple of integers")
            }
            guard n >= 0 else {
                throw DataError.invalidShape(
                    file: file, reason: "dimension \(n) in shape \(dims.map(\.summary)) is negative")
            }
            shape.append(n)
        }
        var count = 1
        for n in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow else {
                throw DataError.invalidShape(file: file, reason: "the element count of shape \(shape) overflows")
            }
            count = product
        }
        let (stored, o1) = UInt64(count).multipliedReportingOverflow(by: UInt64(dtype.itemSize))
        let (decoded, o2) = UInt64(count).multipliedReportingOverflow(by: UInt64(NPYReader.decodedItemSize(dtype)))
        guard !o1, !o2 else {
            throw DataError.invalidShape(file: file, reason: "the byte size of shape \(shape) overflows")
        }
        let needed = max(stored, decoded)
        guard needed <= limits.maxArrayBytes else {
            throw DataError.tooLarge(file: file, bytes: needed, limit: limits.maxArrayBytes)
        }
        return NPYHeader(
            majorVersion: major, minorVersion: minor, dtype: dtype, fortranOrder: fortranOrder, shape: shape,
            dataOffset: dataOffset, elementCount: count, dataByteCount: stored)
    }
}
