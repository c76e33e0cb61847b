import AIRiskAccess
import AIRiskAssessment
import AIRiskCatalog
import AIRiskLoader
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskEndpoint

/// A real MLServer (PyPI mlserver 1.7.1 + mlserver-sklearn) serving a scikit-learn softmax model
/// on 127.0.0.1: the membership AUC measured through the endpoint equals the AUC measured on the
/// same model's ONNX export. Skipped when mlserver or skl2onnx is not importable (.ci/run installs them).
@Suite("MLServer end to end", .serialized)
struct MLServerEndToEndTests {
    static let available = TestEnvironment.pythonImports("mlserver, mlserver_sklearn, skl2onnx, joblib")

    /// Three free 127.0.0.1 ports (HTTP, gRPC, metrics), as the OS hands them out.
    static func freePorts() throws -> [Int] {
        let p = try ChildProcess([
            "python3", "-c",
            "import socket\nss=[socket.socket() for _ in range(3)]\n[s.bind(('127.0.0.1',0)) for s in ss]\n"
                + "print('PORTS', *[s.getsockname()[1] for s in ss])",
        ])
        defer { p.stop() }
        guard let line = p.waitForLine(prefix: "PORTS", seconds: 20) else {
            throw TestSetupError("the port helper reported no ports")
        }
        return line.split(separator: " ").dropFirst().compactMap { Int($0) }
    }

    @Test(
        "membership AUC through MLServer's KServe V2 endpoint equals the ONNX file's",
        .enabled(
            if: available,
            "mlserver, mlserver-sklearn or skl2onnx not importable (pip install mlserver==1.7.1 mlserver-sklearn==1.7.1 skl2onnx)"
        ),
        // Two quick-profile assessments (recipe search and reference models included) after MLServer starts: 400 s
        // on a loaded 2-core machine; the limit catches a hang, not a slow machine.
        .timeLimit(.minutes(TestEnvironment.minutes(10))))
    func membershipMatchesONNX() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-mlserver-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ports = try Self.freePorts()
        try #require(ports.count == 3)
        let fixture = try ChildProcess([
            "python3", "scripts/mlserver_fixture.py", dir.path, "--http-port", "\(ports[0])", "--grpc-port",
            "\(ports[1])", "--metrics-port", "\(ports[2])",
        ])
        fixture.process.waitUntilExit()
        try #require(fixture.process.terminationStatus == 0, "fixture script failed: \(fixture.stderrText())")

        let server = try ChildProcess(["mlserver", "start", dir.path])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(ports[0])"
        let probe = try HTTPTransport(url: base + "/v2/health/ready", headers: [], location: "health")
        var ready = false
        for _ in 0..<(240 * TestEnvironment.slowdown) where !ready {
            if let r = try? await probe.metadata(url: base + "/v2/models/digits/ready", timeout: 2), r.status == 200 {
                ready = true
            } else {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        try #require(ready, "MLServer did not become ready: \(server.stderrText())")

        let catalog = try Catalog.bundled()
        let plan = AssessmentPlan(
            modelURL: dir.appendingPathComponent("digits.onnx"),
            members: .init(url: dir.appendingPathComponent("members.npz")),
            nonMembers: .init(url: dir.appendingPathComponent("nonmembers.npz")),
            population: .init(url: dir.appendingPathComponent("population.npz")), probes: [.membership],
            profile: .quick, seed: 3)
        let loader = ModelLoader()
        let fromFile = try await Assessor(catalog: catalog).run(plan, model: loader.resolve(for: plan))

        let log = dir.appendingPathComponent("queries.jsonl")
        let endpoint = ModelSource.endpoint(
            EndpointConfiguration(
                target: .http(url: base + "/v2/models/digits/infer"), wireProtocol: .kserveV2,
                outputName: "predict_proba", limits: EndpointLimits(batchSize: 256, concurrency: 2), queryLog: log))
        let fromEndpoint = try await Assessor(catalog: catalog).run(
            plan, model: loader.resolve(endpoint, for: plan))

        #expect(fromEndpoint.status == .complete)
        #expect(fromEndpoint.model.sourceKind == .endpoint)
        #expect(fromEndpoint.model.sha256 == nil)
        #expect(fromEndpoint.model.accessLevel == "scores")
        #expect(fromEndpoint.model.outputKind == "probabilities")
        #expect(fromEndpoint.model.location == base + "/v2/models/digits/infer")
        // The attacks that read only the answers score the same through the endpoint as from the file. (The
        // headline may differ: from the file the reference models copy the MLP's architecture, which an endpoint
        // does not show.)
        func auc(_ r: AssessmentResults, _ attack: String) -> Double? {
            let table = r.probes.first?.tables.first { $0.id == .membershipAttacksTable }
            guard let row = table?.rows.first(where: { $0.first == .text(attack) }), row.count > 1,
                case .number(let v) = row[1]
            else { return nil }
            return v
        }
        for attack in ["loss threshold", "confidence threshold", "modified-entropy threshold"] {
            let a = try #require(auc(fromFile, attack), "\(attack) missing from the file's run")
            let b = try #require(auc(fromEndpoint, attack), "\(attack) missing from the endpoint's run")
            #expect(abs(a - b) <= 1e-3, "\(attack): ONNX AUC \(a), endpoint AUC \(b)")
            #expect(a > 0.5)
        }
        let rowsSent = try #require(fromEndpoint.budgets.first { $0.name == "endpoint.rows_sent" }?.value)
        let probeRows = Double(fromEndpoint.probes.first?.queries.rows ?? -1)
        #expect(rowsSent == probeRows + Double(EndpointModelAccess.setupRowCount))
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.allSatisfy { $0.contains("\"status\":200") })
    }
}
