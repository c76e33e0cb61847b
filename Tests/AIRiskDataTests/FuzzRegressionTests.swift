import AIRiskData
import Foundation
import Testing

/// Inputs the fuzzers (scripts/fuzz.sh) found to crash, hang or leak, kept under Fixtures/fuzz/.
@Suite("Fuzz regressions (data)")
struct FuzzRegressionTests {
    static func fixture(_ name: String) -> URL { Fixtures.directory.appendingPathComponent("fuzz/\(name)") }

    /// libFuzzer timeout: the entry's deflate stream never ends, and ZIPFoundation's extraction spun forever
    /// at end of file. Now every entry is read from exactly its compressed bytes.
    @Test("an .npz entry whose deflate stream never ends is rejected instead of hanging")
    func endlessDeflate() throws {
        let archive = try NPZArchive(contentsOf: Self.fixture("endless_deflate.npz"))
        #expect(!archive.keys.isEmpty)
        var rejected: [String] = []
        for key in archive.keys {
            do {
                _ = try archive.array(key)
            } catch DataError.malformedArchive(let file, let reason) {
                #expect(file.hasSuffix("endless_deflate.npz"))
                rejected.append(reason)
            }
        }
        #expect(!rejected.isEmpty)
        #expect(throws: DataError.self) {
            try DatasetLoader.load(url: Self.fixture("endless_deflate.npz"))
        }
    }

    /// The same defect, made deliberately: a deflate stream flushed but never finished, followed by the central
    /// directory. Inflating it must stop at the entry's last compressed byte (zlib then sees padding, not the
    /// directory).
    @Test("a deflate stream without a final block is rejected at the end of the entry's bytes")
    func unterminatedDeflate() throws {
        let archive = try NPZArchive(contentsOf: Self.fixture("unterminated_deflate.npz"))
        #expect(archive.keys == ["x"])
        #expect {
            try archive.array("x")
        } throws: { error in
            guard case DataError.malformedArchive(_, let reason) = error else { return false }
            return reason.contains("entry 'x.npy'")
        }
    }
}
