import AIRiskTensor
import Foundation

/// Reads a whole file straight into a byte array (one copy, no intermediate `Data`).
enum FileBytes {
    static func read(_ url: URL) throws -> [UInt8] {
        if let problem = RegularFile.problem(at: url.path) {
            throw ONNXError.unreadable(file: url.path, reason: problem)
        }
        guard let file = fopen(url.path, "rb") else {
            throw ONNXError.unreadable(file: url.path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        guard fseeko(file, 0, SEEK_END) == 0 else {
            throw ONNXError.unreadable(file: url.path, reason: "cannot seek (is it a regular file?)")
        }
        let size = Int(ftello(file))
        guard size >= 0, fseeko(file, 0, SEEK_SET) == 0 else {
            throw ONNXError.unreadable(file: url.path, reason: "cannot determine the file size")
        }
        var readCount = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            if let base = buffer.baseAddress, size > 0 { readCount = fread(base, 1, size, file) }
            initialized = readCount
        }
        guard readCount == size else {
            throw ONNXError.unreadable(file: url.path, reason: "read \(readCount) of \(size) bytes")
        }
        return bytes
    }
}
