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

    @Test("a child's stderr tail reaches the error with its control characters escaped")
    func controlCharacters() async throws {
        let model = try await EndpointModelAccess.connect(configuration("ansi"), sampleRows: ReferenceModel.rows(2))
        let error = await #expect(throws: EndpointError.self) { _ = try await model.predict(ReferenceModel.rows(2)) }
        let text = error?.description ?? ""
        #expect(text.contains("\\u{1B}[31mbad weights"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(text)")
    }

    @Test("a child ignoring SIGTERM, and the helper it started, are killed with their process group on close")
    func trappedChild() async throws {
        let model = try await EndpointModelAccess.connect(configuration("trap"), sampleRows: ReferenceModel.rows(2))
        let transport = try #require(model.session.transport as? CommandTransport)
        let group = transport.process.pid
        #expect(SpawnedProcess.isAlive(group: group))
        let started = ContinuousClock.now
        model.close()
        let took = ContinuousClock.now - started
        #expect(!SpawnedProcess.isAlive(group: group))
        // SIGTERM was ignored: the SIGKILL came after the grace period.
        #expect(took >= .seconds(SpawnedProcess.grace * 0.9), "\(took)")
        #expect(took < .seconds(SpawnedProcess.grace + 3), "\(took)")
    }

    @Test("a child that honours SIGTERM is stopped at once, its group empty")
    func terminatedChild() async throws {
        let model = try await EndpointModelAccess.connect(configuration("ok"), sampleRows: ReferenceModel.rows(2))
        let transport = try #require(model.session.transport as? CommandTransport)
        let group = transport.process.pid
        let started = ContinuousClock.now
        model.close()
        #expect(!SpawnedProcess.isAlive(group: group))
        #expect(ContinuousClock.now - started < .seconds(1.5))
    }

    @Test("a child starts with no blocked or ignored signals, in its own process group, whatever airisk blocks")
    func cleanSignalState() throws {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, s) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // CommandTransport ignores SIGPIPE in airisk; the child must not inherit that.
        signal(SIGPIPE, SIG_IGN)
        let child = try SpawnedProcess(shellCommand: "cat /proc/self/status")
        defer { child.stop() }
        let status = String(decoding: child.stdout.readDataToEndOfFile(), as: UTF8.self)
        func field(_ name: String) -> String? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        let mask = try #require(field("SigBlk").flatMap { UInt64($0, radix: 16) })
        let ignored = try #require(field("SigIgn").flatMap { UInt64($0, radix: 16) })
        #expect(mask == 0, "SigBlk \(String(mask, radix: 16))")
        for s in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] {
            #expect(ignored & (1 << UInt64(s - 1)) == 0, "signal \(s) ignored: SigIgn \(String(ignored, radix: 16))")
        }
        #expect(field("NSpgid") == field("Pid"), "\(status)")
        #expect(field("Pid") == String(child.pid))
    }
}
