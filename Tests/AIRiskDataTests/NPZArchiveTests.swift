import AIRiskTensor
import AIRiskTestSupport
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

    @Test(
        "an entry the zip parser cannot read honestly is refused naming it: another method, encrypted, short directory",
        arguments: [
            (10, UInt16(12), "unsupported compression method 12"), (8, UInt16(1), "it is encrypted"),
        ])
    func refusedEntries(offset: Int, value: UInt16, expected: String) throws {
        // A stored archive from the writer, with one field of its central-directory record changed.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-zip-\(offset)-\(getpid()).npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try NPZWriter.write(["x": Self.x], to: url)
        var bytes = [UInt8](try Data(contentsOf: url))
        let record = try #require(
            (0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
        // `offset` into the central-directory record: 8 is the flags (bit 0: encrypted), 10 the method.
        let at = record + offset
        bytes[at] = UInt8(value & 0xFF)
        bytes[at + 1] = UInt8(value >> 8)
        try Data(bytes).write(to: url)
        let message = try #require(errorDescription { _ = try NPZArchive(contentsOf: url).array("x") })
        #expect(message.contains("entry 'x.npy'") && message.contains(expected), "\(message)")

        // An end record that declares more entries than the directory holds is refused when opened.
        var short = [UInt8](try Data(contentsOf: url))
        let end = try #require((0..<(short.count - 4)).last { short[$0..<($0 + 4)] == [0x50, 0x4B, 0x05, 0x06] })
        short[end + 10] = 2
        try Data(short).write(to: url)
        let opened = try #require(errorDescription { _ = try NPZArchive(contentsOf: url) })
        #expect(opened.contains("declares 2 entries but only 1 are readable"), "\(opened)")
    }
}
