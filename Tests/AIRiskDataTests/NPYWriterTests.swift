import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskData

@Suite("NPY writer")
struct NPYWriterTests {
    @Test("writes the same bytes as numpy's np.save for float32, int64 and bool")
    func matchesNumpy() throws {
        let f4 = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) / 4 })
        #expect(try NPYWriter.data(for: f4) == (try Data(contentsOf: Fixtures.npy("writer_reference_f4.npy"))))
        let i8 = Tensor(shape: [4], int64: [0, -1, 1 << 40, 7])
        #expect(try NPYWriter.data(for: i8) == (try Data(contentsOf: Fixtures.npy("writer_reference_i8.npy"))))
        let b1 = Tensor(shape: [1, 2], storage: .bool([true, false]))
        #expect(try NPYWriter.data(for: b1) == (try Data(contentsOf: Fixtures.npy("writer_reference_b1.npy"))))
    }

    @Test("round-trips through a file, including scalars and empty arrays")
    func roundTrip() throws {
        let dir = try makeTemporaryDirectory()
        let tensors = [
            Tensor(shape: [2, 3, 2], scalars: (0..<12).map { Float($0) * -1.5 + 0.1 }),
            Tensor(shape: [], scalars: [Float.pi]),
            Tensor(shape: [0, 5], scalars: []),
            Tensor(shape: [3], int64: [Int64.min, 0, Int64.max]),
            Tensor(shape: [2, 2], storage: .bool([true, false, false, true])),
        ]
        for (i, tensor) in tensors.enumerated() {
            let url = dir.appendingPathComponent("t\(i).npy")
            try NPYWriter.write(tensor, to: url)
            #expect(try NPYReader.read(contentsOf: url) == tensor)
        }
    }

    @Test("string tensors cannot be written")
    func rejectsStrings() {
        #expect(throws: NPYWriter.UnsupportedTensor.self) {
            _ = try NPYWriter.data(for: Tensor(shape: [1], storage: .string(["a"])))
        }
    }
}
