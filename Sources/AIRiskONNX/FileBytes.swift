import AIRiskSupport
import AIRiskTensor
import Foundation

/// The bytes a protobuf message is decoded from: a model file mapped read-only into memory, or a copy of bytes
/// already in memory.
///
/// A mapped file costs only the pages the reader touches, so a field the decoder refuses from its length alone
/// (a packed `int64_data` of 1 GiB under `dims [1]`) is never read in: a 1 GiB hostile file stays far below 1 GB
/// of memory, where reading it whole cost its full size before any check. Slices (`raw_data`, strings) are
/// copied out, so nothing decoded outlives the mapping. The file must not be truncated while it is mapped (a
/// read past the new end would stop the process); airisk reads model files it was handed, once, at load.
final class FileBytes: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>?
    let count: Int
    private let release: @Sendable (UnsafeMutableRawPointer?, Int) -> Void

    private init(
        base: UnsafePointer<UInt8>?, count: Int, release: @escaping @Sendable (UnsafeMutableRawPointer?, Int) -> Void
    ) {
        self.base = base
        self.count = count
        self.release = release
    }

    deinit { release(UnsafeMutableRawPointer(mutating: base), count) }

    /// A copy of `bytes`.
    convenience init(copying bytes: [UInt8]) {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { b in
            if let source = b.baseAddress { memory.initialize(from: source, count: b.count) }
        }
        self.init(base: UnsafePointer(memory), count: bytes.count) { pointer, _ in pointer?.deallocate() }
    }

    /// The file at `url`, mapped read-only. Refuses what is not a regular file (a directory, a FIFO, a device).
    static func map(_ url: URL) throws -> FileBytes {
        if let problem = RegularFile.problem(at: url.path) {
            throw ONNXError.unreadable(file: url.path, reason: problem)
        }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ONNXError.unreadable(file: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0, info.st_size <= Int.max else {
            throw ONNXError.unreadable(file: url.path, reason: "cannot determine the file size")
        }
        let size = Int(info.st_size)
        if size == 0 { return FileBytes(base: nil, count: 0) { _, _ in } }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw ONNXError.unreadable(
                file: url.path, reason: "cannot map the file: \(String(cString: strerror(errno)))")
        }
        return FileBytes(base: UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self)), count: size) {
            pointer, count in
            if let pointer { munmap(pointer, count) }
        }
    }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "byte index \(index) outside 0..<\(count)")
        // A non-empty buffer always has a base address.
        return base.unsafelyUnwrapped[index]
    }

    /// A copy of the bytes in `range`.
    subscript(range: Range<Int>) -> ArraySlice<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "byte range \(range) outside 0..<\(count)")
        guard let base, !range.isEmpty else { return [] }
        return ArraySlice(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
