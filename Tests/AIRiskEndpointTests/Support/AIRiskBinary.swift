import Foundation

/// The `airisk` executable built next to the test bundle, for tests that run the whole program.
enum AIRiskBinary {
    static let url: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("airisk"),
            ChildProcess.repositoryRoot.appendingPathComponent(".build/debug/airisk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A 60-row CSV for the 4-feature, 3-class model of the fault server and jsonl_model.py.
    static func csv(_ url: URL, offset: Int) throws {
        var text = "a,b,c,d,label\n"
        for i in 0..<60 {
            let v = (0..<4).map { j in Double(((i + offset) * (j + 3) * 7) % 17) / 8 - 1 }
            text += v.map { String($0) }.joined(separator: ",") + ",\((i + offset) % 3)\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
