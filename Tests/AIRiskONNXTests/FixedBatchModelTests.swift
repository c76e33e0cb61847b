import AIRiskAccess
import AIRiskONNX
import AIRiskTensor
import Testing

/// softmax_digits exported without dynamic axes (scripts/make_fixed_batch_fixtures.py): the input
/// declares a batch of 1 or 2 and a Reshape bakes that batch into the graph.
@Suite("fixed batch dimension")
struct FixedBatchModelTests {
    /// `|a - b|` within `tolerance` of the values' size.
    func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($0), abs($1)) }
    }

    /// The first `rows` non-member rows of softmax_digits.
    func rows(_ rows: Int) throws -> Tensor {
        let all = try #require(FixtureModels.expected("softmax_digits")["input"]?.floats)
        return Tensor(shape: [rows, 64], scalars: Array(all[0..<(rows * 64)]))
    }

    @Test(
        "predictions equal the dynamic model's row by row, for any row count",
        arguments: [("softmax_digits_batch1", 1), ("softmax_digits_batch2", 2)])
    func predictsLikeDynamicModel(name: String, batch: Int) async throws {
        let fixed = try FixtureModels.access(name)
        let dynamic = try FixtureModels.access("softmax_digits")
        #expect(fixed.fixedBatch == batch)
        #expect(dynamic.fixedBatch == nil)
        #expect(fixed.description.inputShape == [64])
        #expect(fixed.description.outputKind == .probabilities)
        #expect(fixed.description.outputWidth == 10)
        for count in [1, 2, 5, 50] {
            let x = try rows(count)
            let a = try await fixed.predict(x)
            let b = try await dynamic.predict(x)
            #expect(a.rows == count)
            #expect(a.width == b.width)
            #expect(a.labels == b.labels, "\(name), \(count) rows")
            for r in 0..<count {
                #expect(close(Array(a.row(r)), Array(b.row(r))), "\(name), \(count) rows: row \(r)")
            }
        }
    }

    @Test(
        "input gradients equal the dynamic model's, padded rows dropped",
        arguments: [("softmax_digits_batch1", 1), ("softmax_digits_batch2", 2)])
    func gradientsLikeDynamicModel(name: String, batch: Int) async throws {
        let fixed = try FixtureModels.access(name)
        let dynamic = try FixtureModels.access("softmax_digits")
        #expect(fixed.description.providesInputGradients)
        let x = try rows(5)
        let seed: @Sendable (ModelOutput) -> [Float] = { o in
            // Each row's own label column, so that a mix-up of rows or padding would show.
            var s = [Float](repeating: 0, count: o.scores.count)
            for r in 0..<o.rows { s[r * o.width + o.labels[r]] = Float(r + 1) }
            return s
        }
        let (outA, gradA) = try await fixed.valueAndInputGradient(x, seed: seed)
        let (outB, gradB) = try await dynamic.valueAndInputGradient(x, seed: seed)
        #expect(outA.rows == 5)
        #expect(close(outA.scores, outB.scores))
        #expect(gradA.shape == [5, 64])
        #expect(close(try #require(gradA.floats), try #require(gradB.floats), tolerance: 1e-4))
    }

    @Test("a batch of the wrong row shape is still refused")
    func refusesWrongRowShape() async throws {
        let fixed = try FixtureModels.access("softmax_digits_batch2")
        await #expect(throws: ModelAccessError.self) {
            _ = try await fixed.predict(Tensor(shape: [3, 30], scalars: [Float](repeating: 0, count: 90)))
        }
    }
}
