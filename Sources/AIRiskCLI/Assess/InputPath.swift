import AIRiskXML
import ArgumentParser
import Foundation

/// Checks the file paths given on the command line before anything runs: each must exist and be a regular
/// file (a directory, named pipe or device would block, spin or be misread further on).
enum InputPath {
    /// Throws a ``ValidationError`` naming the first flag whose path is missing or not a regular file.
    static func checkFiles(_ flags: [(flag: String, path: String?)]) throws {
        for case (let flag, let path?) in flags {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("\(flag) \(path): no such file")
            }
            if let problem = AIRiskXML.RegularFile.problem(at: path) {
                throw ValidationError("\(flag) \(path): \(problem)")
            }
        }
    }
}
