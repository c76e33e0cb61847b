import Foundation

/// Finds where each entry's data starts in a zip file, from the central directory and the local headers.
///
/// ZIPFoundation's own extraction reads an entry's data until its deflate stream ends, with no bound: a
/// stream that never ends (a truncated or crafted entry) makes it spin forever at end of file. The .npz
/// reader therefore reads each entry's bytes itself, exactly `compressedSize` of them from the offset found
/// here, and lets ZIPFoundation only list entries and inflate bytes it is handed.
struct ZipEntryLocator {
    struct Location: Equatable {
        var dataOffset: UInt64
        var compressedSize: UInt64
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Data locations in central-directory order (the order ZIPFoundation lists entries in); nil where the
    /// local header is missing. Matched by position, since names may be decoded differently (CP437 / UTF-8).
    private(set) var locations: [Location?] = []

    init(handle: FileHandle, fileSize: UInt64) throws {
        // End of central directory: 22 bytes plus a comment of up to 65 535 bytes, at the end of the file.
        let tailLength = min(fileSize, 22 + 65_535)
        let tail = try Self.read(handle, at: fileSize - tailLength, count: Int(tailLength))
        guard tail.count >= 22, let eocd = Self.lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: tail) else {
            throw Failure(description: "no end-of-central-directory record")
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
        guard directoryOffset < fileSize else { throw Failure(description: "central directory outside the file") }
        let directory = try Self.read(handle, at: directoryOffset, count: Int(min(fileSize - directoryOffset, 1 << 26)))
        var p = 0
        var seen: UInt64 = 0
        while seen < entryCount, p + 46 <= directory.count, Self.u32(directory, p) == 0x0201_4B50 {
            var compressed = UInt64(Self.u32(directory, p + 20))
            let uncompressed32 = Self.u32(directory, p + 24)
            let nameLength = Int(Self.u16(directory, p + 28))
            let extraLength = Int(Self.u16(directory, p + 30))
            let commentLength = Int(Self.u16(directory, p + 32))
            var headerOffset = UInt64(Self.u32(directory, p + 42))
            let nameStart = p + 46
            guard nameStart + nameLength + extraLength <= directory.count else { break }
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
                    if uncompressed32 == 0xFFFF_FFFF { _ = next() }
                    if compressed == 0xFFFF_FFFF, let v = next() { compressed = v }
                    if headerOffset == 0xFFFF_FFFF, let v = next() { headerOffset = v }
                }
                e += 4 + size
            }
            var location: Location?
            if fileSize >= 30, headerOffset <= fileSize - 30 {
                let local = try Self.read(handle, at: headerOffset, count: 30)
                if local.count == 30, Self.u32(local, 0) == 0x0403_4B50 {
                    let dataOffset = headerOffset + 30 + UInt64(Self.u16(local, 26)) + UInt64(Self.u16(local, 28))
                    location = Location(dataOffset: dataOffset, compressedSize: compressed)
                }
            }
            locations.append(location)
            p = extraEnd + commentLength
            seen += 1
        }
    }

    /// Reads exactly the `compressedSize` bytes of an entry's data, or fails if the file is shorter.
    static func entryBytes(_ handle: FileHandle, _ location: Location, fileSize: UInt64) throws -> Data {
        let (end, overflow) = location.dataOffset.addingReportingOverflow(location.compressedSize)
        guard !overflow, end <= fileSize, location.compressedSize <= UInt64(Int.max) else {
            throw Failure(description: "its data runs past the end of the file")
        }
        let data = try read(handle, at: location.dataOffset, count: Int(location.compressedSize))
        guard UInt64(data.count) == location.compressedSize else {
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
