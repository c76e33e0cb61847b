import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskData

@Suite("NPZ writer")
struct NPZWriterTests {
    @Test("round-trips several arrays, stored and deflated", arguments: [false, true])
    func roundTrip(_ compressed: Bool) throws {
        let url = try makeTemporaryDirectory().appendingPathComponent("out.npz")
        let arrays = [
            "x": Tensor(shape: [300, 4], scalars: (0..<1200).map { Float($0 % 17) * 0.25 }),
            "y": Tensor(shape: [300], int64: (0..<300).map { Int64($0 % 3) }),
            "mask": Tensor(shape: [2], storage: .bool([true, false])),
        ]
        try NPZWriter.write(arrays, to: url, compressed: compressed)
        let archive = try NPZArchive(contentsOf: url)
        #expect(archive.keys == ["mask", "x", "y"])
        #expect(try archive.arrays() == arrays)
        let dataset = try DatasetLoader.load(url: url)
        #expect(dataset.classLabels?.count == 300)
    }

    @Test("overwrites an existing file and writes the same bytes for the same arrays")
    func deterministic() throws {
        let url = try makeTemporaryDirectory().appendingPathComponent("d.npz")
        let arrays = ["x": Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])]
        try NPZWriter.write(arrays, to: url, compressed: true)
        let first = try Data(contentsOf: url)
        try NPZWriter.write(arrays, to: url, compressed: true)
        #expect(try Data(contentsOf: url) == first)
    }
}
