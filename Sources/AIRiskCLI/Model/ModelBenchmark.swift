import AIRiskAccess
import AIRiskTensor
import Foundation

/// Rows per second of a loaded model at a few batch sizes, timed through the same
/// ``ModelAccess/predict(_:)`` the probes call.
///
/// Batch 1 cycles through up to 256 distinct rows (one call per row); a larger batch uses the
/// first rows of the data, repeated when the data has fewer. Each batch size is warmed up, then
/// timed until `maxRounds` calls or `maxSeconds` seconds, whichever comes first.
struct ModelBenchmark {
    /// One measured batch size.
    struct Result: Equatable {
        var batch: Int
        var rowsPerSecond: Double
        /// Calls timed (rounds) and the wall-clock seconds they took.
        var rounds: Int
        var seconds: Double
    }

    /// The largest batch size accepted (rows per call).
    static let maxBatch = 65_536
    /// Distinct rows batch 1 cycles through.
    static let distinctSingleRows = 256
    /// Untimed calls before timing starts, also bounded by `maxSeconds`.
    static let warmUpRounds = 20

    var maxSeconds: Double
    var maxRounds: Int

    /// Parses `--batch` values such as `1,256`.
    static func parseBatches(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var batches: [Int] = []
        for part in parts {
            guard let n = Int(part), n >= 1, n <= maxBatch else {
                throw ModelBenchmarkError.badBatch(value: part)
            }
            if !batches.contains(n) { batches.append(n) }
        }
        return batches
    }

    /// Measures each batch size in turn. `features` holds the data's rows (row shape already
    /// checked against the model).
    func run(_ model: any ModelAccess, features: [Float], rows: Int, batches: [Int]) async throws -> [Result] {
        let d = model.description
        let width = d.featureCount
        guard rows > 0, features.count == rows * width else { throw ModelBenchmarkError.noRows }
        func batch(_ indices: some Sequence<Int>, count: Int) -> Tensor {
            var scalars: [Float] = []
            scalars.reserveCapacity(count * width)
            for r in indices { scalars += features[(r * width)..<((r + 1) * width)] }
            return Tensor(shape: [count] + d.inputShape, scalars: scalars)
        }
        var results: [Result] = []
        for b in batches {
            let inputs: [Tensor] =
                b == 1
                ? (0..<min(rows, Self.distinctSingleRows)).map { batch([$0], count: 1) }
                : [batch((0..<b).map { $0 % rows }, count: b)]
            results.append(try await time(model, inputs: inputs, batch: b))
        }
        return results
    }

    private func time(_ model: any ModelAccess, inputs: [Tensor], batch: Int) async throws -> Result {
        let clock = ContinuousClock()
        func seconds(since start: ContinuousClock.Instant) -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let warmUpStart = clock.now
        for i in 0..<Self.warmUpRounds {
            _ = try await model.predict(inputs[i % inputs.count])
            if seconds(since: warmUpStart) >= maxSeconds { break }
        }
        var rounds = 0
        var elapsed = 0.0
        let start = clock.now
        repeat {
            _ = try await model.predict(inputs[rounds % inputs.count])
            rounds += 1
            elapsed = seconds(since: start)
        } while rounds < maxRounds && elapsed < maxSeconds
        return Result(
            batch: batch, rowsPerSecond: Double(rounds * batch) / max(elapsed, 1e-9), rounds: rounds,
            seconds: elapsed)
    }
}
