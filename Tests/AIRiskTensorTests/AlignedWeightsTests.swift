import Foundation
import Testing

@testable import AIRiskTensor

/// The weight copies kept by one kernel: a 64-byte-aligned copy for batch-1 products made only once the same storage
/// comes back, scratch copies reused while it does, and results that neither a copy nor a change of weights alters.
@Suite("Aligned weights")
struct AlignedWeightsTests {
    /// An array of `count` distinct values whose elements do not start on a 64-byte boundary (three allocations in
    /// four do not: a Swift array's elements start 32 bytes into a 16-byte-aligned block).
    static func misaligned(count: Int, seed: Float = 0) throws -> [Float] {
        // Tried arrays stay alive until one is found, or each would take the block the one before it freed.
        var tried: [[Float]] = []
        for _ in 0..<64 {
            let values = (0..<count).map { Float($0 % 97) * 0.01 - 0.4 + seed }
            if values.withUnsafeBufferPointer({ Int(bitPattern: $0.baseAddress) % 64 != 0 }) { return values }
            tried.append(values)
        }
        Issue.record("64 arrays in a row started on a 64-byte boundary")
        throw CancellationError()
    }

    static func address(_ p: UnsafeBufferPointer<Float>) -> Int { Int(bitPattern: p.baseAddress) }

    @Test("the aligned copy is made the second time the same storage comes back, and only for one-row products")
    func alignedOnSecondSight() throws {
        let weights = try Self.misaligned(count: 300)
        let original = weights.withUnsafeBufferPointer(Self.address)
        let cache = AlignedWeights()
        #expect(cache.withAlignedBuffer(of: weights, rows: 1, Self.address) == original)
        let copy = cache.withAlignedBuffer(of: weights, rows: 1) { p in (Self.address(p), Array(p)) }
        #expect(copy.0 != original)
        #expect(copy.0 % 64 == 0)
        #expect(copy.1 == weights)
        #expect(cache.withAlignedBuffer(of: weights, rows: 1, Self.address) == copy.0)
        #expect(cache.withAlignedBuffer(of: weights, rows: 8, Self.address) == original)
        // Other storage (an activation, new weights) is read where it is, and replaces what was kept.
        let other = try Self.misaligned(count: 300, seed: 1)
        let otherAddress = other.withUnsafeBufferPointer(Self.address)
        #expect(cache.withAlignedBuffer(of: other, rows: 1, Self.address) == otherAddress)
        #expect(cache.withAlignedBuffer(of: weights, rows: 1, Self.address) == original)
    }

    @Test("scratch copies are reused while the same storage comes back, and start on a 64-byte boundary")
    func scratchReuse() throws {
        let cache = AlignedWeights()
        let weights = try Self.misaligned(count: 100)
        let first = cache.scratch(of: weights)
        #expect(cache.scratch(of: weights) === first)
        #expect(first.array == weights)
        #expect(Int(bitPattern: first.pointer) % 64 == 0)
        let changed = weights.map { $0 + 1 }
        let second = cache.scratch(of: changed)
        #expect(second !== first)
        #expect(second.array == changed)
    }

    @Test("a batch-1 Gemm gives the same bits from its weights and from their aligned copy, and follows new weights")
    func gemmResults() throws {
        let node = Node(
            name: "fc", opType: "Gemm", inputs: ["x", "w", "b"], outputs: ["y"], attributes: ["transB": .int(1)])
        let kernel = try GemmKernel(node: node, opset: 17)
        let (n, k) = (37, 70)
        let w = Tensor(shape: [n, k], scalars: try Self.misaligned(count: n * k))
        let x = Tensor(shape: [1, k], scalars: (0..<k).map { Float($0) * 0.03 - 1 })
        let b = Tensor(shape: [n], scalars: (0..<n).map { Float($0) * 0.1 })
        let runs = try (0..<3).map { _ in try #require(kernel.forward([x, w, b]).outputs[0].floats) }
        #expect(runs[1] == runs[0])
        #expect(runs[2] == runs[0])
        let fresh = try #require(try GemmKernel(node: node, opset: 17).forward([x, w, b]).outputs[0].floats)
        #expect(fresh == runs[0])
        // New weights of the same shape after the copy was made.
        let w2 = Tensor(shape: [n, k], scalars: try Self.misaligned(count: n * k, seed: 2))
        let after = try #require(kernel.forward([x, w2, b]).outputs[0].floats)
        let expected = try #require(try GemmKernel(node: node, opset: 17).forward([x, w2, b]).outputs[0].floats)
        #expect(after == expected)
        #expect(after != runs[0])
    }

    @Test(
        "an LSTM kernel run again reuses its weight copies and follows new weights", arguments: ["LSTM", "GRU", "RNN"])
    func recurrentReuse(op: String) throws {
        let gates = ["LSTM": 4, "GRU": 3, "RNN": 1][op] ?? 1
        let (steps, input, hidden) = (5, 3, 4)
        let node = Node(
            name: "rec", opType: op, inputs: ["X", "W", "R", "B"], outputs: ["Y", "Y_h"],
            attributes: ["hidden_size": .int(Int64(hidden))])
        func kernel() throws -> any Kernel {
            switch op {
            case "LSTM": try LSTMKernel(node: node, opset: 14)
            case "GRU": try GRUKernel(node: node, opset: 14)
            default: try RNNKernel(node: node, opset: 14)
            }
        }
        let x = Tensor(shape: [steps, 1, input], scalars: (0..<steps * input).map { Float($0) * 0.07 - 0.5 })
        func weights(_ seed: Float) -> [Tensor?] {
            let w = (0..<gates * hidden * input).map { sin(Float($0) + seed) * 0.4 }
            let r = (0..<gates * hidden * hidden).map { cos(Float($0) * 1.3 + seed) * 0.3 }
            let b = (0..<2 * gates * hidden).map { Float($0 % 5) * 0.05 + seed * 0.01 }
            return [
                Tensor(shape: [1, gates * hidden, input], scalars: w),
                Tensor(shape: [1, gates * hidden, hidden], scalars: r),
                Tensor(shape: [1, 2 * gates * hidden], scalars: b),
            ]
        }
        let k = try kernel()
        let first = weights(0), second = weights(1)
        let a = try k.forward([x] + first).outputs.map(\.floats)
        let again = try k.forward([x] + first).outputs.map(\.floats)
        #expect(again == a)
        let changed = try k.forward([x] + second).outputs.map(\.floats)
        let expected = try kernel().forward([x] + second).outputs.map(\.floats)
        #expect(changed == expected)
        #expect(changed != a)
    }
}
