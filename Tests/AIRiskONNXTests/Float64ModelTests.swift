import AIRiskAccess
import AIRiskTensor
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskONNX

/// float64 models made the way users make them (skl2onnx.to_onnx(model, X.astype(np.float64)); see
/// scripts/make_pipeline_fixtures.py) answer what onnxruntime answers, within 1e-5 relative.
@Suite("float64 models")
struct Float64ModelTests {
    static let directory = FixtureModels.directory.appendingPathComponent("pipelines")

    struct Expected: Decodable {
        var operators: [String]
        var x: [[Double]]
        var prediction: [Double]?
        var label: [Int]?
        var probabilities: [[Double]]?
    }

    static func expected() throws -> [String: Expected] {
        try JSONDecoder().decode(
            [String: Expected].self,
            from: Data(contentsOf: directory.appendingPathComponent("float64.expected.json")))
    }

    static func access(_ name: String) throws -> ONNXModelAccess {
        try ONNXModelAccess(
            model: ONNXModel.load(contentsOf: directory.appendingPathComponent("\(name).onnx")), name: "\(name).onnx")
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-5 * max(1, abs(b)) }

    /// The answers as float64 values, row-major: the prediction for a regressor, the probabilities otherwise.
    static func reference(_ e: Expected) -> [Double] { e.prediction ?? (e.probabilities ?? []).flatMap { $0 } }

    @Test(
        "the engine's float64 lane computes every operator of the three models in float64",
        arguments: ["ridge_f64", "logistic_f64", "forest_f64"])
    func executor(name: String) throws {
        let e = try #require(try Self.expected()[name])
        let model = try Self.access(name)
        #expect(model.reducedPrecisionNodes.isEmpty, "\(model.reducedPrecisionNodes)")
        let x = Tensor(shape: [e.x.count, e.x[0].count], doubles: e.x.flatMap { $0 })
        let outputs = try model.executor.run(inputs: [model.inputName: x])
        let scores = try #require(outputs[model.scoresOutput])
        let got = try scores.asDoubles()
        let want = Self.reference(e)
        #expect(got.count == want.count)
        for (i, (a, b)) in zip(got, want).enumerated() {
            #expect(Self.close(a, b), "\(name) element \(i): \(a) vs onnxruntime \(b)")
        }
        if let label = e.label, let out = model.labelOutput {
            #expect(try outputs[out]?.asInt64s().map { Int($0) } == label)
        }
    }

    @Test(
        "rows given as float32 (a CSV or .npz read by airisk) reach the float64 input as their decimals",
        arguments: ["ridge_f64", "logistic_f64", "forest_f64"])
    func modelAccess(name: String) async throws {
        let e = try #require(try Self.expected()[name])
        let model = try Self.access(name)
        let batch = Tensor(shape: [e.x.count, e.x[0].count], scalars: e.x.flatMap { $0 }.map { Float($0) })
        let out = try await model.predict(batch)
        let want = Self.reference(e)
        #expect(out.scores.count == want.count)
        for (i, (a, b)) in zip(out.scores, want).enumerated() {
            #expect(Self.close(Double(a), b), "\(name) element \(i): \(a) vs onnxruntime \(b)")
        }
        if let label = e.label { #expect(out.labels == label) }
        if e.probabilities != nil { #expect(model.description.outputKind == .probabilities) }
    }

    @Test("a float32 value widens to float64 through its shortest decimal")
    func widening() {
        #expect(InputFeed.widened(Float(4686.45)) == 4686.45)
        #expect(InputFeed.widened(Float(0.1)) == 0.1)
        #expect(InputFeed.widened(.infinity) == .infinity)
        #expect(InputFeed.widened(.nan).isNaN)
    }
}
