import AIRiskAccess
import Foundation

/// Runs independent jobs concurrently, at most one per core, and returns their results in job
/// order, so the outcome does not depend on scheduling. A cancelled task (Ctrl-C) starts no further job.
enum ParallelMap {
    static func run<T: Sendable>(
        _ count: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        guard count > 0 else { return [] }
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        var results = [T?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            // Starts the next job, if one is left.
            func startNext() {
                guard next < count else { return }
                let i = next
                group.addTask {
                    try Cancellation.check()
                    return (i, try await body(i))
                }
                next += 1
            }
            while next < width { startNext() }
            while let (i, value) = try await group.next() {
                results[i] = value
                startNext()
            }
        }
        return results.compactMap { $0 }
    }
}
