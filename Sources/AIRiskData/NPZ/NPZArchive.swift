import AIRiskTensor
import Foundation
import ZIPFoundation

/// A numpy .npz archive: a zip file of .npy arrays, stored or deflated, opened for reading.
///
/// Arrays are addressed by key, the entry name without its `.npy` suffix (`x.npy` → `x`). An entry is
/// streamed into memory (never to disk) only after its declared size has passed ``DataLimits/maxArrayBytes``
/// and, for deflated entries, its declared compression ratio has passed ``DataLimits/maxCompressionRatio``;
/// extraction stops as soon as an entry inflates beyond its declared size.
public struct NPZArchive {
    /// The archive's path, used in errors.
    public let file: String
    /// The array keys in archive order.
    public let keys: [String]
    public let limits: DataLimits
    private let archive: Archive
    private let entries: [String: Entry]
    /// The archive file, read directly so that every entry read is bounded by its compressed size.
    private let handle: FileHandle
    private let fileSize: UInt64
    /// Where each entry's bytes are, by key.
    private let locations: [String: ZipEntryLocator.Location]

    /// Opens the .npz file at `url` and lists its arrays.
    public init(contentsOf url: URL, limits: DataLimits = .standard) throws {
        file = url.path
        self.limits = limits
        // A directory named *.npz would send ZIPFoundation's scan spinning; a FIFO would block.
        if let problem = RegularFile.problem(at: url.path) {
            throw DataError.unreadable(file: url.path, reason: problem)
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw DataError.unreadable(file: url.path, reason: "no such file, or it is not readable")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw DataError.malformedArchive(file: url.path, reason: Self.explain(error))
        }
        let locator: ZipEntryLocator
        do {
            handle = try FileHandle(forReadingFrom: url)
            fileSize = try handle.seekToEnd()
            locator = try ZipEntryLocator(handle: handle, fileSize: fileSize)
        } catch let failure as ZipEntryLocator.Failure {
            throw DataError.malformedArchive(file: url.path, reason: failure.description)
        } catch {
            throw DataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        var keys: [String] = []
        var entries: [String: Entry] = [:]
        var locations: [String: ZipEntryLocator.Location] = [:]
        for (index, entry) in archive.enumerated() where entry.type == .file {
            let path = entry.path
            let key = path.hasSuffix(".npy") ? String(path.dropLast(4)) : path
            // Two entries for one key (`x.npy` twice, or `x` and `x.npy`): which one numpy reads depends on the
            // reader, so neither is trusted.
            if let first = entries[key] {
                throw DataError.malformedArchive(
                    file: url.path,
                    reason: "entries '\(first.path)' and '\(path)' both hold the array '\(key)'; rebuild the archive "
                        + "with one entry per array (numpy.savez)")
            }
            keys.append(key)
            entries[key] = entry
            locations[key] = index < locator.locations.count ? locator.locations[index] : nil
        }
        self.locations = locations
        self.keys = keys
        self.entries = entries
    }

    /// Whether the archive holds an array named `key`.
    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// Reads the array named `key`.
    public func array(_ key: String) throws -> Tensor {
        let name = "\(file)[\(key)]"
        return try NPYReader.read(data: try entryData(key), name: name, limits: limits)
    }

    /// Reads only the header of the array named `key` (the entry is still extracted, within the limits).
    public func header(_ key: String) throws -> NPYHeader {
        try NPYReader.header(data: try entryData(key), name: "\(file)[\(key)]", limits: limits)
    }

    /// Reads every array in the archive.
    public func arrays() throws -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for key in keys { out[key] = try array(key) }
        return out
    }

    private func entryData(_ key: String) throws -> Data {
        guard let entry = entries[key] else {
            throw DataError.missingArray(file: file, key: key, available: keys)
        }
        let declared = entry.uncompressedSize
        let compressed = entry.compressedSize
        let ceiling = limits.maxArrayBytes &+ UInt64(limits.maxHeaderLength) &+ 12
        guard declared <= ceiling else {
            throw DataError.tooLarge(file: "\(file)[\(key)]", bytes: declared, limit: limits.maxArrayBytes)
        }
        if entry.isCompressed {
            let ratio = declared / max(compressed, 1)
            guard ratio <= limits.maxCompressionRatio else {
                throw DataError.suspiciousCompression(
                    file: file, entry: entry.path,
                    reason: "it declares \(declared) bytes from \(compressed) compressed (ratio \(ratio):1, the limit "
                        + "is \(limits.maxCompressionRatio):1), which looks like a decompression bomb")
            }
        }
        var data = Data()
        data.reserveCapacity(Int(declared))
        do {
            guard let location = locations[key] else {
                throw ZipEntryLocator.Failure(description: "it has no local file header")
            }
            guard entry.isCompressed || location.compressedSize == declared else {
                throw ZipEntryLocator.Failure(
                    description: "it is stored uncompressed but declares \(location.compressedSize) bytes stored "
                        + "and \(declared) bytes of content")
            }
            let raw = try ZipEntryLocator.entryBytes(handle, location, fileSize: fileSize)
            let checksum: CRC32
            if entry.isCompressed {
                // Inflate from the entry's own bytes only: ZIPFoundation would keep reading past them and spin
                // forever at end of file on a deflate stream that never ends. Chunks are always `chunkSize` long
                // (zero-padded after the entry's last byte) because ZIPFoundation hands zlib `chunkSize` as the
                // input length whatever the chunk holds, which would read past a short chunk.
                var offset = 0
                checksum = try Data.decompress(
                    size: Int64(raw.count), bufferSize: 1 << 16, skipCRC32: false,
                    provider: { _, chunkSize in
                        guard offset < raw.count else {
                            throw ZipEntryLocator.Failure(
                                description: "its deflate stream does not end within its \(raw.count) bytes")
                        }
                        let n = min(chunkSize, raw.count - offset)
                        var chunk = raw.subdata(in: (raw.startIndex + offset)..<(raw.startIndex + offset + n))
                        if n < chunkSize { chunk.append(Data(count: chunkSize - n)) }
                        offset += n
                        return chunk
                    },
                    consumer: { chunk in
                        guard UInt64(data.count) + UInt64(chunk.count) <= declared else {
                            throw DataError.suspiciousCompression(
                                file: file, entry: entry.path,
                                reason: "it inflates beyond its declared size of \(declared) bytes")
                        }
                        data.append(chunk)
                    })
            } else {
                data = raw
                checksum = raw.crc32(checksum: 0)
            }
            guard checksum == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.malformedArchive(file: file, reason: "entry '\(entry.path)': \(Self.explain(error))")
        }
        guard UInt64(data.count) == declared else {
            throw DataError.malformedArchive(
                file: file, reason: "entry '\(entry.path)' holds \(data.count) bytes but declares \(declared)")
        }
        return data
    }

    private static func explain(_ error: Error) -> String {
        guard let archiveError = error as? Archive.ArchiveError else { return String(describing: error) }
        switch archiveError {
        case .missingEndOfCentralDirectoryRecord, .unreadableArchive:
            return "no zip central directory found (the file is damaged, truncated or not a zip archive)"
        case .invalidCRC32: return "checksum mismatch (the data is damaged)"
        case .invalidCompressionMethod: return "unsupported compression method (only stored and deflated are read)"
        default: return String(describing: archiveError)
        }
    }
}
