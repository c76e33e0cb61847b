import AIRiskAccess
import AIRiskTensor
import Synchronization
import Testing

@testable import AIRiskProbes

/// Counts batches and cancels the task running the probe once `cancelAfter` batches were answered, as the
/// first Ctrl-C does.
private final class CancellingModel: ModelAccess {
    let base: any ModelAccess
    let cancelAfter: Int
    private let state = Mutex<(calls: Int, task: Task<Void, any Error>?)>((0, nil))

    init(_ base: any ModelAccess, cancelAfter: Int) {
        self.base = base
        self.cancelAfter = cancelAfter
    }

    var description: ModelDescription { base.description }
    var calls: Int { state.withLock { $0.calls } }

    func attach(_ task: Task<Void, any Error>) { state.withLock { $0.task = task } }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let output = try await base.predict(batch)
        state.withLock { s in
            s.calls += 1
            if s.calls == cancelAfter { s.task?.cancel() }
        }
        return output
    }
}

/// Runs `body` in a task that `model` can cancel, and returns how the task ended.
private func runCancellable(
    _ model: CancellingModel, _ body: @escaping @Sendable () async throws -> Void
) async -> Result<Void, any Error> {
    let (go, start) = AsyncStream<Void>.makeStream()
    let task = Task {
        for await _ in go { break }
        try await body()
    }
    model.attach(task)
    start.yield()
    start.finish()
    return await task.result
}

@Suite("Cancellation between batches")
struct CancellationTests {
    @Test("a cancelled membership probe sends no further batch and ends as interrupted")
    func membershipStopsBetweenBatches() async throws {
        let model = CancellingModel(MembershipOracleModel(task: MembershipFixture.task), cancelAfter: 2)
        var config = MembershipFixture.configuration()
        config.queryBatchRows = 10
        let configuration = config
        let outcome = await runCancellable(model) {
            _ = try await MembershipProbe(configuration: configuration).run(
                model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
                population: MembershipFixture.population)
        }
        #expect(throws: ModelAccessError.interrupted) { try outcome.get() }
        // 240 records in batches of 10 would be 24 batches; the third is never sent.
        #expect(model.calls == 2)
    }

    @Test("without cancellation the same probe runs every batch")
    func membershipRunsToTheEnd() async throws {
        let model = CancellingModel(MembershipOracleModel(task: MembershipFixture.task), cancelAfter: .max)
        var config = MembershipFixture.configuration([.confidence, .loss])
        config.queryBatchRows = 10
        let configuration = config
        let outcome = await runCancellable(model) {
            _ = try await MembershipProbe(configuration: configuration).run(
                model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
                population: MembershipFixture.population)
        }
        #expect(throws: Never.self) { try outcome.get() }
        #expect(model.calls >= 24)
    }

    @Test("a cancelled task starts no parallel job")
    func parallelMapStops() async throws {
        let started = Mutex(0)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await ParallelMap.run(8) { i in
                started.withLock { $0 += 1 }
                return i
            }
        }
        await #expect(throws: ModelAccessError.interrupted) { try await task.value }
        #expect(started.withLock { $0 } == 0)
    }

    @Test("Cancellation.check throws only in a cancelled task")
    func check() async throws {
        try Cancellation.check()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try Cancellation.check()
        }
        await #expect(throws: ModelAccessError.interrupted) { try await task.value }
    }
}
