import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskResults

private struct InjectedFailure: Error {}

private func contents(_ directory: URL) throws -> [String: String] {
    var out: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        out[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    return out
}

private func files(_ tag: String) -> [(name: String, data: Data)] {
    ["report.html", "results.xml", "results.json", "junit.xml"].map { ($0, Data("\(tag) \($0)".utf8)) }
}

@Suite("AtomicFileSet")
struct AtomicFileSetTests {
    @Test("a set replaces the previous set and leaves no temporary file")
    func replaces() throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-set")
        defer { try? FileManager.default.removeItem(at: dir) }
        try AtomicFileSet.write(files("old"), to: dir)
        try AtomicFileSet.write(files("new"), to: dir)
        let now = try contents(dir)
        #expect(now.count == 4, "\(now.keys.sorted())")
        #expect(now.values.allSatisfy { $0.hasPrefix("new ") })
    }

    @Test("a failure while writing one file leaves every previous file as it was", arguments: [0, 2, 3])
    func writeFailureKeepsPrevious(failing index: Int) throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-set")
        defer { try? FileManager.default.removeItem(at: dir) }
        try AtomicFileSet.write(files("old"), to: dir)
        let failing = files("new")[index].name
        #expect(throws: ResultsError.self) {
            try AtomicFileSet.write(files("new"), to: dir) { data, url in
                if url.lastPathComponent == failing { throw InjectedFailure() }
                try data.write(to: url)
            }
        }
        let now = try contents(dir)
        #expect(now.count == 4, "no staging folder is left: \(now.keys.sorted())")
        #expect(now.values.allSatisfy { $0.hasPrefix("old ") }, "\(now)")
    }

    @Test("a failure while moving into place puts back the files already replaced")
    func renameFailureRollsBack() throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-set")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = Array(files("old").prefix(3))
        try AtomicFileSet.write(first, to: dir)
        // A folder where the last file goes: its rename fails after three files were moved into place.
        let obstacle = dir.appendingPathComponent("junit.xml")
        try FileManager.default.createDirectory(
            at: obstacle.appendingPathComponent("keep"), withIntermediateDirectories: true)
        #expect(throws: ResultsError.self) { try AtomicFileSet.write(files("new"), to: dir) }
        for file in first {
            let text = try String(contentsOf: dir.appendingPathComponent(file.name), encoding: .utf8)
            #expect(text == "old \(file.name)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["junit.xml", "report.html", "results.json", "results.xml"])
    }

    @Test("temporary files of dead processes and old ones are removed; live ones and other files stay")
    func removesStaleTemporaries() throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-set")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let me = ProcessInfo.processInfo.processIdentifier
        // PID 2^22 + 1 is above Linux's pid_max ceiling, so no such process exists.
        let dead = ".report.html.tmp-4194305-123"
        let deadFolder = ".airisk-output.tmp-4194305-77"
        let live = ".results.xml.tmp-\(me)-5"
        let oldLive = ".junit.xml.tmp-\(me)-6"
        let others = ["report.html", ".hidden", ".x.tmp-abc-1", "notes.tmp-4194305-1"]
        for name in [dead, live, oldLive] + others {
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        try fm.createDirectory(
            at: dir.appendingPathComponent(deadFolder + "/previous"), withIntermediateDirectories: true)
        try fm.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -2 * AtomicFileSet.staleAge)],
            ofItemAtPath: dir.appendingPathComponent(oldLive).path)
        let removed = AtomicFileSet.removeStaleTemporaries(in: dir)
        #expect(removed == [deadFolder, oldLive, dead].sorted())
        let left = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ([live] + others).sorted())
    }

    @Test("the output check creates nothing it does not need and refuses a file in the way")
    func checkWritable() throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-set")
        defer { try? FileManager.default.removeItem(at: dir) }
        let nested = dir.appendingPathComponent("a/b/c")
        try AtomicFileSet.checkWritable(nested)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a").path))
        let file = dir.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        #expect(throws: ResultsError.self) { try AtomicFileSet.checkWritable(file) }
        #expect(throws: ResultsError.self) { try AtomicFileSet.checkWritable(file.appendingPathComponent("out")) }
        try AtomicFileSet.checkWritable(dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file.txt"])
    }
}
