import Foundation

/// A new directory `PREFIX-UUID` under the system's temporary directory, for the files a test writes.
package func makeTemporaryDirectory(prefix: String = "airisk-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
