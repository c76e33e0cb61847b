import AIRiskAccess
import AIRiskTensor
import PropertyBased
import Testing

/// A model that answers every row with two fixed probabilities (predictions and gradients).
private struct EchoModel: ModelAccess {
    var description: ModelDescription {
        ModelDescription(
            name: "echo", inputShape: [2], outputKind: .probabilities, outputWidth: 2, providesInputGradients: true)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let n = batch.shape.first ?? 0
        return ModelOutput(
            kind: .probabilities, rows: n, scores: [Float](repeating: 0.5, count: n * 2), width: 2,
            labels: [Int](repeating: 0, count: n))
    }

    func valueAndInputGradient(
        _ batch: Tensor, seed: @Sendable (ModelOutput) -> [Float]
    ) async throws -> (output: ModelOutput, gradient: Tensor) {
        let output = try await predict(batch)
        _ = seed(output)
        return (output, Tensor(shape: batch.shape, scalars: [Float](repeating: 0, count: batch.count)))
    }
}

/// Whatever the batch sizes, their order, gradient or plain calls, retries after a refusal, or concurrency,
/// a CountingModel never lets more rows through than its budget.
@Suite("CountingModel budget (property-based)")
struct CountingModelBudgetPropertyTests {
    static let requests = zip(Gen.int(in: 0...40), Gen.bool).array(of: 0...30)

    static func batch(_ rows: Int) -> Tensor {
        Tensor(shape: [rows, 2], scalars: [Float](repeating: 1, count: rows * 2))
    }

    @Test("sequential requests: each is served exactly when it fits, and the total never exceeds the budget")
    func sequential() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...200), Self.requests) { budget, requests in
            let model = CountingModel(EchoModel(), budget: budget)
            var used = 0
            for (rows, gradient) in requests {
                let fits = used + rows <= budget
                do {
                    if gradient {
                        _ = try await model.valueAndInputGradient(Self.batch(rows)) { _ in [] }
                    } else {
                        _ = try await model.predict(Self.batch(rows))
                    }
                    #expect(fits, "a request of \(rows) rows was served with \(used) of \(budget) used")
                    used += rows
                } catch ModelAccessError.budgetExhausted(_, let b, let requested) {
                    #expect(!fits && b == budget && requested == rows)
                } catch {
                    Issue.record("unexpected error \(error)")
                }
                let count = model.count
                #expect(count.rows + count.gradientRows == used)
                #expect(used <= budget)
                #expect(model.remaining == budget - used)
            }
        }
    }

    @Test("concurrent requests never overrun the budget together")
    func concurrent() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...200), Self.requests) { budget, requests in
            let model = CountingModel(EchoModel(), budget: budget)
            let served = await withTaskGroup(of: Int.self) { group in
                for (rows, gradient) in requests {
                    group.addTask {
                        do {
                            if gradient {
                                _ = try await model.valueAndInputGradient(Self.batch(rows)) { _ in [] }
                            } else {
                                _ = try await model.predict(Self.batch(rows))
                            }
                            return rows
                        } catch {
                            return 0
                        }
                    }
                }
                return await group.reduce(0, +)
            }
            let count = model.count
            #expect(served <= budget)
            #expect(count.rows + count.gradientRows == served)
        }
    }
}
