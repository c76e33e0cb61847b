import AIRiskTestSupport
import Foundation

/// Locations of the test fixtures, found relative to this source file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func npy(_ name: String) -> URL { directory.appendingPathComponent("npy/\(name)") }
    static func malformed(_ name: String) -> URL { directory.appendingPathComponent("malformed/\(name)") }
    static func npz(_ name: String) -> URL { directory.appendingPathComponent("npz/\(name)") }
}

/// Writes `text` to a file named `name` in a new temporary directory and returns its URL.
func writeTemporaryFile(_ name: String, _ text: String) throws -> URL {
    let url = try makeTemporaryDirectory(prefix: "airisk-data").appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// The description of the error `body` throws, or nil when it does not throw.
func errorDescription(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return String(describing: error)
    }
}
