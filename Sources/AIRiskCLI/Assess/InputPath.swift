import AIRiskSupport
import AIRiskXML
import ArgumentParser
import Foundation

/// Checks the file paths given on the command line before anything runs: an existing path must be a regular
/// file (a directory, named pipe or device would block, spin or be misread further on). A missing file is
/// reported by the loader that opens it, with the reason the system gives.
enum InputPath {
    /// Throws a ``ValidationError`` naming the first flag whose path exists but is not a regular file.
    static func checkFiles(_ flags: [(flag: String, path: String?)]) throws {
        for case (let flag, let path?) in flags {
            if let problem = RegularFile.problem(at: path) {
                throw ValidationError("\(flag) \(path): \(problem)")
            }
        }
    }
}
