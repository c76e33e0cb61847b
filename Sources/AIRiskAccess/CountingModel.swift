import AIRiskTensor
import Synchronization

/// Wraps a model, counts every call and row, and enforces an optional row budget that is
/// checked before a request is passed on, so the budget is never exceeded. A cancelled task (the first
/// Ctrl-C) is refused with ``ModelAccessError/interrupted`` before the batch is passed on.
package final class CountingModel: ModelAccess {
    package let base: any ModelAccess
    /// Maximum rows (predictions plus gradient rows) this wrapper lets through; nil for none.
    package let budget: Int?
    private let state = Mutex(QueryCount())

    package init(_ base: any ModelAccess, budget: Int? = nil) {
        self.base = base
        self.budget = budget
    }

    package var description: ModelDescription { base.description }

    /// The calls and rows so far.
    package var count: QueryCount { state.withLock { $0 } }

    /// Rows still allowed, or nil without a budget.
    package var remaining: Int? {
        guard let budget else { return nil }
        let used = state.withLock { $0.rows + $0.gradientRows }
        return max(0, budget - used)
    }

    private func reserve(rows: Int, gradient: Bool) throws {
        // An interrupted assessment (Ctrl-C) sends no further batch.
        try Cancellation.check()
        try state.withLock { c in
            if let budget, c.rows + c.gradientRows + rows > budget {
                throw ModelAccessError.budgetExhausted(model: base.description.name, budget: budget, requested: rows)
            }
            if gradient {
                c.gradientCalls += 1
                c.gradientRows += rows
            } else {
                c.calls += 1
                c.rows += rows
            }
        }
    }

    package func predict(_ batch: Tensor) async throws -> ModelOutput {
        try reserve(rows: batch.shape.first ?? 0, gradient: false)
        return try await base.predict(batch)
    }

    package func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        try reserve(rows: batch.shape.first ?? 0, gradient: true)
        return try await base.valueAndInputGradient(batch, seed: seed)
    }
}
