import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

@Suite("NPZ archive")
struct NPZArchiveTests {
    static let x = Tensor(shape: [5, 3], scalars: (0..<15).map { (Float($0) - 7) / 2 })
    static let y = Tensor(shape: [5], int64: [0, 1, 1, 0, 2])

    @Test("reads stored and deflated entries by key", arguments: ["stored.npz", "deflated.npz"])
    func readsEntries(_ name: String) throws {
        let archive = try NPZArchive(contentsOf: Fixtures.npz(name))
        #expect(archive.keys == ["x", "y"])
        #expect(try archive.array("x") == Self.x)
        #expect(try archive.array("y") == Self.y)
        #expect(try archive.arrays().count == 2)
        #expect(try archive.header("x").shape == [5, 3])
    }

    @Test("a missing key lists the keys that exist")
    func missingKey() throws {
        let archive = try NPZArchive(contentsOf: Fixtures.npz("named_keys.npz"))
        let message = try #require(errorDescription { _ = try archive.array("x") })
        #expect(message.contains("named_keys.npz"))
        #expect(message.contains("features, labels, extra"))
    }

    @Test(
        "damaged and hostile archives are refused with an error naming the file",
        arguments: [
            ("not_a_zip.npz", "not a readable .npz"),
            ("truncated.npz", "not a readable .npz"),
            ("bomb_declared_huge.npz", "more than the limit"),
            ("bomb_ratio.npz", "decompression bomb"),
            ("bomb_understated.npz", "inflates beyond its declared size of 1000 bytes"),
            ("corrupt_crc.npz", "checksum"),
            ("bad_member.npz", "malformed .npy header"),
        ])
    func rejectsHostile(_ name: String, _ expected: String) throws {
        let message = try #require(
            errorDescription {
                let archive = try NPZArchive(contentsOf: Fixtures.npz(name))
                _ = try archive.arrays()
            })
        #expect(message.contains(name), "error should name the file: \(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test("a genuine 1000:1 entry is read by default and refused under a lower ratio limit")
    func ratioLimit() throws {
        let url = Fixtures.npz("high_ratio.npz")
        let zeros = try NPZArchive(contentsOf: url).array("x")
        #expect(zeros.shape == [1024, 1024])
        #expect(zeros.floats?.allSatisfy { $0 == 0 } == true)
        let strict = try NPZArchive(contentsOf: url, limits: DataLimits(maxCompressionRatio: 100))
        let message = try #require(errorDescription { _ = try strict.array("x") })
        #expect(message.contains("decompression bomb"))
    }

    @Test("an entry over the byte ceiling is refused before it is extracted")
    func byteCeiling() throws {
        let archive = try NPZArchive(
            contentsOf: Fixtures.npz("high_ratio.npz"), limits: DataLimits(maxArrayBytes: 1 << 20))
        let message = try #require(errorDescription { _ = try archive.array("x") })
        #expect(message.contains("high_ratio.npz[x]"))
        #expect(message.contains("more than the limit of 1048576 bytes"))
    }

    @Test("a missing file is reported with its path")
    func missingFile() throws {
        let message = try #require(errorDescription { _ = try NPZArchive(contentsOf: Fixtures.npz("nope.npz")) })
        #expect(message.contains("nope.npz"))
    }
}
