import AIRiskData
import Foundation
import Testing

/// Inputs the fuzzers (scripts/fuzz.sh) found to crash, hang or leak, kept under Fixtures/fuzz/.
@Suite("Fuzz regressions (data)")
struct FuzzRegressionTests {
    static func fixture(_ name: String) -> URL { Fixtures.directory.appendingPathComponent("fuzz/\(name)") }

    /// libFuzzer timeout: the entry's deflate stream never ends, and ZIPFoundation's extraction spun forever
    /// at end of file. Every entry is read from exactly its compressed bytes; and since the zip parser is
    /// `ZipDirectory` alone, this archive is refused when it is opened: its end record declares 247 entries
    /// where the directory holds 3 (ZIPFoundation listed the 3 and the deflate stream was the first failure).
    @Test("an .npz entry whose deflate stream never ends is rejected instead of hanging")
    func endlessDeflate() throws {
        #expect {
            _ = try NPZArchive(contentsOf: Self.fixture("endless_deflate.npz"))
        } throws: { error in
            guard case DataError.malformedArchive(let file, let reason) = error else { return false }
            return file.hasSuffix("endless_deflate.npz") && reason.contains("declares 247 entries")
        }
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
