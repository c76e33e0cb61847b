import AIRiskSupport
import Foundation

/// Opening a data or model file for reading, with the failures every reader reports the same way.
enum InputFile {
    /// A handle on `url` once it has passed the regular-file check; a directory, pipe or device, or a file that
    /// cannot be opened, is ``DataError/unreadable(file:reason:)`` naming it.
    static func open(_ url: URL) throws -> FileHandle {
        if let problem = RegularFile.problem(at: url.path) {
            throw DataError.unreadable(file: url.path, reason: problem)
        }
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw DataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
    }
}
