import Foundation

/// Locations of the committed fixtures (read relative to this file, no bundle resources needed)
/// and of Debian's libonnx-testdata.
enum FixturePaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let mlCases = fixtures.appendingPathComponent("ml")
    static let models = fixtures.appendingPathComponent("models")
    static let operatorCases = fixtures.appendingPathComponent("ops")
    static let externalData = fixtures.appendingPathComponent("external")
    static let onnxNodeTests = URL(fileURLWithPath: "/usr/share/libonnx-testdata/data/node")

    /// The sub-directories of `dir` whose names start with `prefix`, sorted.
    static func caseDirectories(in dir: URL, prefix: String = "") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().map { dir.appendingPathComponent($0) }
    }
}
