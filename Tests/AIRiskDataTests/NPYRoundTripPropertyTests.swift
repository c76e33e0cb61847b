import AIRiskData
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import PropertyBased
import Testing

/// NPYWriter → NPYReader is the identity for every shape (scalars, zero-sized axes, up to 6 axes) and every
/// element type the writer supports, bit for bit (NaN payloads, signed zeros and infinities included).
@Suite("NPY round trip (property-based)")
struct NPYRoundTripPropertyTests {
    enum Kind: CaseIterable, Sendable { case float, int64, bool }

    static let shapes = Gen.int(in: 0...4).array(of: 0...6)
        .filter { $0.reduce(1, *) <= 4096 }

    @Test("any shape and dtype written by NPYWriter reads back identically")
    func roundTrip() async {
        await propertyCheck(
            count: 200, input: Self.shapes, Gen<Kind>.case, Gen<UInt64>.value(in: 0...UInt64.max)
        ) { shape, kind, seed in
            var state = seed
            func next() -> UInt64 {  // SplitMix64 from the generated seed: fills the tensor
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            let count = shape.reduce(1, *)
            let storage: Tensor.Storage
            switch kind {
            case .float:
                storage = .float((0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: next())) })
            case .int64: storage = .int64((0..<count).map { _ in Int64(bitPattern: next()) })
            case .bool: storage = .bool((0..<count).map { _ in next() & 1 == 1 })
            }
            let tensor = Tensor(shape: shape, storage: storage)
            do {
                let data = try NPYWriter.data(for: tensor)
                #expect(data.count % 64 == count * (kind == .bool ? 1 : kind == .float ? 4 : 8) % 64)
                let back = try NPYReader.read(data: data, name: "roundtrip.npy")
                #expect(back.shape == shape)
                switch (storage, back.storage) {
                case (.float(let a), .float(let b)):
                    #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
                case (.int64(let a), .int64(let b)):
                    #expect(a == b)
                case (.bool(let a), .bool(let b)):
                    #expect(a == b)
                default:
                    Issue.record("element type changed: \(tensor.elementTypeName) → \(back.elementTypeName)")
                }
            } catch {
                Issue.record("shape \(shape) \(kind): \(error)")
            }
        }
    }
}
