import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so a reader never sees half of one: the bytes go to a temporary file in the same directory,
/// which is then renamed over the destination (rename is atomic within one file system). A temporary file left
/// by a killed run is removed by ``AtomicFileSet/removeStaleTemporaries(in:now:)``.
package enum AtomicFile {
    package static func write(_ data: Data, to url: URL) throws(ResultsError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(AtomicFileSet.temporaryName(for: url.lastPathComponent))
        do {
            try data.write(to: temporary)
        } catch {
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: reason)
        }
    }

    /// Writes UTF-8 text atomically.
    package static func write(_ text: String, to url: URL) throws(ResultsError) {
        try write(Data(text.utf8), to: url)
    }
}
