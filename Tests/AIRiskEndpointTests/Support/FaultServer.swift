import AIRiskSupport
import AIRiskTestSupport
import Foundation

@testable import AIRiskEndpoint

/// scripts/fault_server.py on a free 127.0.0.1 port, for one test.
final class FaultServer: Sendable {
    let child: ChildProcess
    let port: Int

    init() throws {
        child = try ChildProcess(["python3", "scripts/fault_server.py", "--port", "0"])
        guard let line = child.waitForLine(prefix: "PORT ", seconds: 20),
            let p = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
        else {
            child.stop()
            throw TestSetupError("fault server did not start: \(child.stderrText())")
        }
        port = p
    }

    func url(_ fault: String, _ count: Int = 0, protocol p: EndpointProtocol = .kserveV2) -> String {
        switch p {
        case .kserveV2: "http://127.0.0.1:\(port)/\(fault)/\(count)/v2/models/fault/infer"
        case .instances: "http://127.0.0.1:\(port)/\(fault)/\(count)/invocations"
        }
    }

    struct Stats: Equatable {
        var requests: Int
        var rows: Int
        var answeredRows: Int
        var faults: Int
        var maxInFlight: Int
    }

    /// What the server saw, read through the endpoint module's own transport.
    func stats() async throws -> Stats {
        let t = try HTTPTransport(url: "http://127.0.0.1:\(port)/stats", headers: [], location: "stats")
        guard let r = try await t.metadata(url: "http://127.0.0.1:\(port)/stats", timeout: 10), r.status == 200 else {
            throw EndpointError.unreachable(location: "stats", reason: "no answer", attempts: 1, budgetNote: "")
        }
        let json = try JSONParser.parse(r.body)
        func n(_ k: String) -> Int { Int(json[k]?.numberValue ?? -1) }
        return Stats(
            requests: n("requests"), rows: n("rows"), answeredRows: n("answered_rows"), faults: n("faults"),
            maxInFlight: n("max_inflight"))
    }

    func stop() { child.stop() }
}
