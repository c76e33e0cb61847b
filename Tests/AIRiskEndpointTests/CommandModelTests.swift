import AIRiskAccess
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskEndpoint

/// `--model-cmd`: JSON lines over a child's stdin/stdout; a crashed or hung child is an error
/// with its stderr tail, never a hang.
@Suite("Model command")
struct CommandModelTests {
    static let script = ChildProcess.repositoryRoot.appendingPathComponent(
        "Tests/AIRiskEndpointTests/Fixtures/jsonl_model.py"
    ).path

    func configuration(_ mode: String, timeout: Double = 5) -> EndpointConfiguration {
        EndpointConfiguration(
            target: .command("python3 \(Self.script) \(mode)"), wireProtocol: .instances,
            limits: EndpointLimits(batchSize: 3, timeout: timeout))
    }

    @Test("a command model answers probabilities, batch by batch")
    func answers() async throws {
        let model = try await EndpointModelAccess.connect(configuration("ok"), sampleRows: ReferenceModel.rows(4))
        defer { model.close() }
        #expect(model.isCommand)
        #expect(model.description.outputKind == .probabilities)
        #expect(model.description.name == "jsonl_model.py")
        let rows = ReferenceModel.rows(8, seed: 3)
        let out = try await model.predict(rows)
        let values = try #require(rows.floats)
        for r in 0..<8 {
            let expected = ReferenceModel.probabilities(values[(r * 4)..<(r * 4 + 4)])
            let got = out.row(r)
            for c in 0..<3 { #expect(abs(Double(got[got.startIndex + c]) - expected[c]) < 1e-5) }
        }
        #expect(model.usage.requests == 1 + 3)
    }

    @Test("a crashed child is an error carrying its exit status and stderr")
    func crash() async throws {
        let model = try await EndpointModelAccess.connect(configuration("crash"), sampleRows: ReferenceModel.rows(2))
        let error = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(2)) }
        let text = error?.description ?? ""
        #expect(text.contains("model weights are corrupt"), "\(text)")
        #expect(text.contains("status 3"), "\(text)")
        // Later requests fail at once with the same reason.
        let again = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(1)) }
        #expect(again?.description.contains("corrupt") == true)
    }

    @Test("a hung child is stopped after the timeout")
    func hang() async throws {
        let model = try await EndpointModelAccess.connect(
            configuration("hang", timeout: 3), sampleRows: ReferenceModel.rows(2))
        let error = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(2)) }
        #expect(error?.description.contains("did not answer within 3.0 s") == true, "\(String(describing: error))")
    }

    @Test("a child writing something that is not JSON is a clear error")
    func garbage() async throws {
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(self.configuration("garbage"), sampleRows: ReferenceModel.rows(2))
        }
        #expect(error?.description.contains("invalid JSON") == true, "\(String(describing: error))")
    }

    @Test("a command that does not exist fails with the shell's message")
    func missing() async throws {
        let error = await #expect(throws: EndpointError.self) {
            _ = try await EndpointModelAccess.connect(
                EndpointConfiguration(target: .command("/nonexistent/airisk-model --serve"), wireProtocol: .instances),
                sampleRows: ReferenceModel.rows(1))
        }
        #expect(error?.description.contains("nonexistent") == true, "\(String(describing: error))")
    }
}
