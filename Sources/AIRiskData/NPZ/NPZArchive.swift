import AIRiskSupport
import AIRiskTensor
import Foundation
import ZIPFoundation

/// A numpy .npz archive: a zip file of .npy arrays, stored or deflated, opened for reading.
///
/// Arrays are addressed by key, the entry name without its `.npy` suffix (`x.npy` → `x`). An entry is
/// streamed into memory (never to disk) only after its declared size has passed ``DataLimits/maxArrayBytes``
/// and, for deflated entries, its declared compression ratio has passed ``DataLimits/maxCompressionRatio``;
/// extraction stops as soon as an entry inflates beyond its declared size.
package struct NPZArchive {
    /// The archive's path, used in errors.
    package let file: String
    /// The array keys in archive order.
    package let keys: [String]
    package let limits: DataLimits
    private let entries: [String: ZipDirectory.Entry]
    /// The archive file, read directly so that every entry read is bounded by its compressed size.
    private let handle: FileHandle
    private let fileSize: UInt64

    /// Opens the .npz file at `url` and lists its arrays.
    package init(contentsOf url: URL, limits: DataLimits = .standard) throws {
        file = url.path
        self.limits = limits
        // A directory named *.npz is no archive; a FIFO would block.
        if let problem = RegularFile.problem(at: url.path) {
            throw DataError.unreadable(file: url.path, reason: problem)
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw DataError.unreadable(file: url.path, reason: "no such file, or it is not readable")
        }
        let directory: ZipDirectory
        do {
            handle = try FileHandle(forReadingFrom: url)
            fileSize = try handle.seekToEnd()
            directory = try ZipDirectory(handle: handle, fileSize: fileSize)
        } catch let failure as ZipDirectory.Failure {
            throw DataError.malformedArchive(file: url.path, reason: failure.description)
        } catch {
            throw DataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        var keys: [String] = []
        var entries: [String: ZipDirectory.Entry] = [:]
        for entry in directory.entries where entry.isFile {
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
        }
        self.keys = keys
        self.entries = entries
    }

    /// Whether the archive holds an array named `key`.
    package func contains(_ key: String) -> Bool { entries[key] != nil }

    /// Reads the array named `key`.
    package func array(_ key: String) throws -> Tensor {
        let name = "\(file)[\(key)]"
        return try NPYReader.read(data: try entryData(key), name: name, limits: limits)
    }

    /// Reads only the header of the array named `key` (the entry is still extracted, within the limits).
    package func header(_ key: String) throws -> NPYHeader {
        try NPYReader.header(data: try entryData(key), name: "\(file)[\(key)]", limits: limits)
    }

    /// Reads every array in the archive.
    package func arrays() throws -> [String: Tensor] {
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
            guard entry.method == 0 || entry.method == 8 else {
                throw ZipDirectory.Failure(
                    description: "unsupported compression method \(entry.method) (only stored and deflated are read)")
            }
            guard !entry.isEncrypted else {
                throw ZipDirectory.Failure(description: "it is encrypted; store the arrays unencrypted (numpy.savez)")
            }
            guard entry.isCompressed || entry.compressedSize == declared else {
                throw ZipDirectory.Failure(
                    description: "it is stored uncompressed but declares \(entry.compressedSize) bytes stored "
                        + "and \(declared) bytes of content")
            }
            let raw = try ZipDirectory.entryBytes(handle, entry, fileSize: fileSize)
            let checksum: CRC32
            if entry.isCompressed {
                // Inflate from the entry's own bytes only, so a deflate stream that never ends fails at the end of
                // them. Chunks are always `chunkSize` long (zero-padded after the entry's last byte) because
                // ZIPFoundation hands zlib `chunkSize` as the input length whatever the chunk holds, which would
                // read past a short chunk.
                var offset = 0
                checksum = try Data.decompress(
                    size: Int64(raw.count), bufferSize: 1 << 16, skipCRC32: false,
                    provider: { _, chunkSize in
                        guard offset < raw.count else {
                            throw ZipDirectory.Failure(
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
            guard checksum == entry.checksum else {
                throw ZipDirectory.Failure(description: "checksum mismatch (the data is damaged)")
            }
        } catch let error as DataError {
            throw error
        } catch let failure as ZipDirectory.Failure {
            throw DataError.malformedArchive(file: file, reason: "entry '\(entry.path)': \(failure.description)")
        } catch {
            throw DataError.malformedArchive(file: file, reason: "entry '\(entry.path)': \(error)")
        }
        guard UInt64(data.count) == declared else {
            throw DataError.malformedArchive(
                file: file, reason: "entry '\(entry.path)' holds \(data.count) bytes but declares \(declared)")
        }
        return data
    }

}
