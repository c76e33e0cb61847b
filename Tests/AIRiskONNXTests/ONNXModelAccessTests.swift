import AIRiskAccess
import AIRiskONNX
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@Suite("ONNX model access")
struct ONNXModelAccessTests {
    /// The outputs are compared with onnxruntime's to 1e-5 of their largest magnitude (at least 1): float32 sums
    /// run in a different order under each OpenBLAS kernel (Haswell, SkylakeX, Zen), so a regressor whose outputs
    /// reach 300 differs by a few float32 steps of 3e-5 there, while probabilities stay within 1e-5.
    @Test("every fixture's outputs equal onnxruntime's to 1e-5 relative to their size", arguments: FixtureModels.all)
    func matchesOnnxRuntime(name: String) async throws {
        let model = try FixtureModels.access(name)
        let expected = try FixtureModels.expected(name)
        let input = try #require(expected["input"])
        let out = try await model.predict(input)
        let reference = try #require(expected["probabilities"] ?? expected["variable"])
        let ref = try #require(reference.floats)
        #expect(out.scores.count == ref.count)
        var worst: Float = 0
        for (a, b) in zip(out.scores, ref) { worst = max(worst, abs(a - b)) }
        let scale = max(1, ref.map(abs).max() ?? 0)
        #expect(worst <= 1e-5 * scale, "\(name): max abs difference \(worst) at output magnitude \(scale)")
        if let labels = expected["label"]?.int64s {
            #expect(out.labels == labels.map { Int($0) }, "\(name): labels differ")
        }
    }

    @Test("classifiers and the regressor are described as such")
    func describesModels() throws {
        let softmax = try FixtureModels.access("softmax_digits").description
        #expect(softmax.outputKind == .probabilities)
        #expect(softmax.outputWidth == 10)
        #expect(softmax.inputShape == [64])
        #expect(softmax.providesInputGradients)
        #expect(softmax.accessLevel == .whiteBox)
        let forest = try FixtureModels.access("random_forest_digits").description
        #expect(!forest.providesInputGradients, "trees have no input gradients")
        #expect(forest.accessLevel == .scores)
        let reg = try FixtureModels.access("mlp_regressor_diabetes").description
        #expect(reg.outputKind == .regression)
    }

    @Test("input gradients match central finite differences on the MLP fixture")
    func gradientsMatchFiniteDifferences() async throws {
        let model = try FixtureModels.access("mlp_digits_regularised")
        let expected = try FixtureModels.expected("mlp_digits_regularised")
        let all = try #require(expected["input"]?.floats)
        let d = 64
        let row = Array(all[0..<d])
        let target = 3
        let (out, grad) = try await model.valueAndInputGradient(Tensor(shape: [1, d], scalars: row)) { o in
            var s = [Float](repeating: 0, count: o.width)
            s[target] = 1
            return s
        }
        #expect(out.rows == 1)
        let g = try #require(grad.floats)
        let eps: Float = 1e-2
        var checked = 0
        for j in stride(from: 0, to: d, by: 7) {
            var plus = row
            var minus = row
            plus[j] += eps
            minus[j] -= eps
            let p = try await model.predict(Tensor(shape: [1, d], scalars: plus)).scores[target]
            let m = try await model.predict(Tensor(shape: [1, d], scalars: minus)).scores[target]
            let fd = (p - m) / (2 * eps)
            #expect(abs(fd - g[j]) <= 2e-3 + 0.05 * abs(fd), "feature \(j): fd \(fd) vs \(g[j])")
            checked += 1
        }
        #expect(checked > 5)
    }

    @Test("a batch of the wrong shape is refused with the expected shape in the message")
    func rejectsWrongShape() async throws {
        let model = try FixtureModels.access("softmax_digits")
        await #expect {
            _ = try await model.predict(Tensor(shape: [2, 30], scalars: [Float](repeating: 0, count: 60)))
        } throws: { error in
            "\(error)".contains("[64]")
        }
    }

    @Test("counting wraps any model and never lets the budget be exceeded")
    func countingBudget() async throws {
        let model = CountingModel(try FixtureModels.access("softmax_digits"), budget: 10)
        let row = Tensor(shape: [4, 64], scalars: [Float](repeating: 0.5, count: 256))
        _ = try await model.predict(row)
        _ = try await model.predict(row)
        await #expect(throws: ModelAccessError.self) { _ = try await model.predict(row) }
        #expect(model.count.rows == 8)
        #expect(model.count.calls == 2)
        #expect(model.remaining == 2)
    }

    @Test("a float64 probability output is read as probabilities, not ignored for the labels")
    func float64Probabilities() async throws {
        let folder = FixtureModels.directory.deletingLastPathComponent().appendingPathComponent("float64")
        func file(_ suffix: String) -> URL { folder.appendingPathComponent("logreg_iris_float64" + suffix) }
        let access = try ONNXModelAccess(model: ONNXModel.load(contentsOf: file(".onnx")), name: "float64")
        #expect(access.description.outputKind == .probabilities)
        #expect(access.description.outputWidth == 3)
        let rows = try ONNXTensorFile.load(contentsOf: file(".input.pb")).tensor
        let want = try ONNXTensorFile.load(contentsOf: file(".probabilities.pb")).tensor.asFloats()
        let labels = try #require(try ONNXTensorFile.load(contentsOf: file(".label.pb")).tensor.int64s)
        let output = try await access.predict(rows)
        #expect(output.scores.count == want.count)
        for (got, expected) in zip(output.scores, want) {
            #expect(abs(got - expected) <= Float(1e-5) * max(1, abs(expected)))
        }
        #expect(output.labels == labels.map { Int($0) })
    }
}
