import AIRiskAccess
import AIRiskONNX
import Foundation
import Testing

@testable import AIRiskCLI

private let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("AIRiskONNXTests/Fixtures/hostile")

/// `inspect`, `predict` and `assess` load a model and run a neutral row: the hostile models of
/// issue 15 must stop at the static size pass, naming the node, before that row runs.
@Suite("inspect and predict on hostile models")
struct HostileModelCommandsTests {
    @Test(
        "inspect refuses a model whose graph asks for too much, naming the node",
        arguments: [
            ("conv_pads_1e5", "conv_pads"), ("conv_pads_overflow", "conv_overflow"), ("expand_2e11", "expand_2e11"),
            ("constantofshape_2p31_floats", "fill_floats"), ("concat_doubling", "double_20"),
            ("unary_on_string", "fill_string"),
        ])
    func inspectRefuses(name: String, node: String) throws {
        let start = ContinuousClock.now
        #expect {
            _ = try ModelInspection(url: hostile.appendingPathComponent(name + ".onnx"))
        } throws: { error in
            "\(error)".contains("'\(node)'") && "\(error)".contains(name + ".onnx")
        }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test("a size only the one-row batch reveals: inspect reports it, the model access refuses it before the row")
    func neutralRow() throws {
        let url = hostile.appendingPathComponent("expand_from_input_shape.onnx")
        let inspection = try ModelInspection(url: url)
        #expect(inspection.text.contains("'expand_from_input'"), "\(inspection.text)")
        #expect {
            _ = try ONNXModelAccess(model: .load(contentsOf: url))
        } throws: { error in
            // The static pass's error, not a kernel's: the row never ran.
            guard case ONNXError.graphTooLarge(_, let reason)? = error as? ONNXError else { return false }
            return reason.contains("[100000, 300000]")
        }
    }
}
