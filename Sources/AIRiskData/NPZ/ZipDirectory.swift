import Foundation

/// The entries of a zip file, read from its central directory and local headers: the one zip parser on the
/// .npz read path.
///
/// Every read is bounded: the end record is looked for in the last 64 KiB + 22 bytes, the directory is read
/// once (at most 64 MiB), and an entry's data is exactly its `compressedSize` bytes from the offset its local
/// header gives, so a crafted size, offset or a deflate stream that never ends cannot make a read run on.
/// ZIPFoundation is used only as a codec (inflate and CRC-32 of bytes handed to it), never to walk the file:
/// its own scan spun forever on a directory named `*.npz` and on a deflate stream without an end.
struct ZipDirectory {
    struct Entry: Equatable {
        /// The entry's path inside the archive (UTF-8; bytes that are not UTF-8 are read one byte per character).
        var path: String
        /// 0 stored, 8 deflated; anything else is refused when the entry is read.
        var method: UInt16
        /// Bit 0 of the general-purpose flags.
        var isEncrypted: Bool
        var checksum: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        /// Where the entry's data starts; nil when its local header is missing.
        var dataOffset: UInt64?
        /// A directory or a symbolic link, not a file.
        var isFile: Bool

        var isCompressed: Bool { method != 0 }
    }

    /// Why the archive or one of its entries cannot be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The entries in central-directory order.
    private(set) var entries: [Entry] = []

    init(handle: FileHandle, fileSize: UInt64) throws {
        // End of central directory: 22 bytes plus a comment of up to 65 535 bytes, at the end of the file.
        let tailLength = min(fileSize, 22 + 65_535)
        let tail = try Self.read(handle, at: fileSize - tailLength, count: Int(tailLength))
        guard tail.count >= 22, let eocd = Self.lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: tail) else {
            throw Failure(
                description: "no zip central directory found (the file is damaged, truncated or not a zip archive)")
        }
        var entryCount = UInt64(Self.u16(tail, eocd + 10))
        var directoryOffset = UInt64(Self.u32(tail, eocd + 16))
        if directoryOffset == 0xFFFF_FFFF || entryCount == 0xFFFF {
            // Zip64: the locator sits just before the EOCD and points at the zip64 EOCD record.
            let locatorAt = eocd - 20
            guard locatorAt >= 0, Self.u32(tail, locatorAt) == 0x0706_4B50 else {
                throw Failure(description: "zip64 end-of-central-directory locator missing")
            }
            let recordOffset = Self.u64(tail, locatorAt + 8)
            guard fileSize >= 56, recordOffset <= fileSize - 56 else {
                throw Failure(description: "zip64 record outside the file")
            }
            let record = try Self.read(handle, at: recordOffset, count: 56)
            guard record.count == 56, Self.u32(record, 0) == 0x0606_4B50 else {
                throw Failure(description: "zip64 end-of-central-directory record missing")
            }
            entryCount = Self.u64(record, 32)
            directoryOffset = Self.u64(record, 48)
        }
        guard directoryOffset < fileSize || (entryCount == 0 && directoryOffset == fileSize) else {
            throw Failure(description: "central directory outside the file")
        }
        let directory = try Self.read(
            handle, at: directoryOffset, count: Int(min(fileSize - directoryOffset, 1 << 26)))
        var p = 0
        while UInt64(entries.count) < entryCount, p + 46 <= directory.count, Self.u32(directory, p) == 0x0201_4B50 {
            let madeBy = Self.u16(directory, p + 4)
            let flags = Self.u16(directory, p + 8)
            let method = Self.u16(directory, p + 10)
            let checksum = Self.u32(directory, p + 16)
            var compressed = UInt64(Self.u32(directory, p + 20))
            var uncompressed = UInt64(Self.u32(directory, p + 24))
            let nameLength = Int(Self.u16(directory, p + 28))
            let extraLength = Int(Self.u16(directory, p + 30))
            let commentLength = Int(Self.u16(directory, p + 32))
            let externalAttributes = Self.u32(directory, p + 38)
            var headerOffset = UInt64(Self.u32(directory, p + 42))
            let nameStart = p + 46
            guard nameStart + nameLength + extraLength <= directory.count else { break }
            let nameBytes = directory[
                (directory.startIndex + nameStart)..<(directory.startIndex + nameStart + nameLength)]
            let path =
                String(validating: nameBytes, as: UTF8.self)
                ?? String(String.UnicodeScalarView(nameBytes.map { Unicode.Scalar($0) }))
            // Zip64 extended information (id 1) holds, in order, the sizes and offset that overflowed.
            var e = nameStart + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = Self.u16(directory, e)
                let size = Int(Self.u16(directory, e + 2))
                guard e + 4 + size <= extraEnd else { break }
                if id == 1 {
                    var f = e + 4
                    func next() -> UInt64? {
                        guard f + 8 <= e + 4 + size else { return nil }
                        defer { f += 8 }
                        return Self.u64(directory, f)
                    }
                    if uncompressed == 0xFFFF_FFFF, let v = next() { uncompressed = v }
                    if compressed == 0xFFFF_FFFF, let v = next() { compressed = v }
                    if headerOffset == 0xFFFF_FFFF, let v = next() { headerOffset = v }
                }
                e += 4 + size
            }
            var dataOffset: UInt64?
            if fileSize >= 30, headerOffset <= fileSize - 30 {
                let local = try Self.read(handle, at: headerOffset, count: 30)
                if local.count == 30, Self.u32(local, 0) == 0x0403_4B50 {
                    dataOffset = headerOffset + 30 + UInt64(Self.u16(local, 26)) + UInt64(Self.u16(local, 28))
                }
            }
            // A Unix-made entry says in its mode whether it is a regular file (0o100000); others by a trailing '/'.
            let unixType = (externalAttributes >> 16) & 0o170000
            let isFile = !path.hasSuffix("/") && (madeBy >> 8 != 3 || unixType == 0 || unixType == 0o100000)
            entries.append(
                Entry(
                    path: path, method: method, isEncrypted: flags & 1 != 0, checksum: checksum,
                    compressedSize: compressed, uncompressedSize: uncompressed, dataOffset: dataOffset, isFile: isFile))
            p = extraEnd + commentLength
        }
        guard UInt64(entries.count) == entryCount else {
            throw Failure(
                description: "the central directory declares \(entryCount) entries but only \(entries.count) are "
                    + "readable (the file is damaged or truncated)")
        }
    }

    /// Reads exactly the `compressedSize` bytes of an entry's data, or fails if the file is shorter.
    static func entryBytes(_ handle: FileHandle, _ entry: Entry, fileSize: UInt64) throws -> Data {
        guard let offset = entry.dataOffset else { throw Failure(description: "it has no local file header") }
        let (end, overflow) = offset.addingReportingOverflow(entry.compressedSize)
        guard !overflow, end <= fileSize, entry.compressedSize <= UInt64(Int.max) else {
            throw Failure(description: "its data runs past the end of the file")
        }
        let data = try read(handle, at: offset, count: Int(entry.compressedSize))
        guard UInt64(data.count) == entry.compressedSize else {
            throw Failure(description: "its data runs past the end of the file")
        }
        return data
    }

    static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> Data {
        try handle.seek(toOffset: offset)
        return try handle.read(upToCount: count) ?? Data()
    }

    private static func lastIndex(of signature: [UInt8], in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = bytes.count - 22
        while i >= 0 {
            if bytes[i] == signature[0] && bytes[i + 1] == signature[1] && bytes[i + 2] == signature[2]
                && bytes[i + 3] == signature[3]
            {
                return i
            }
            i -= 1
        }
        return nil
    }

    private static func u16(_ d: Data, _ at: Int) -> UInt16 {
        let s = d.startIndex + at
        return UInt16(d[s]) | UInt16(d[s + 1]) << 8
    }

    private static func u32(_ d: Data, _ at: Int) -> UInt32 {
        UInt32(u16(d, at)) | UInt32(u16(d, at + 2)) << 16
    }

    private static func u64(_ d: Data, _ at: Int) -> UInt64 {
        UInt64(u32(d, at)) | UInt64(u32(d, at + 4)) << 32
    }
}
