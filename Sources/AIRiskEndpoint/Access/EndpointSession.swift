import AIRiskAccess
import AIRiskSupport
import AIRiskTensor
import Foundation
import Synchronization

/// The operating side of an endpoint: budget, batching, concurrency, rate, retries and the log.
final class EndpointSession: Sendable {
    let transport: any PredictionTransport
    let codec: PayloadCodec
    let limits: EndpointLimits
    let log: QueryLog?
    let redactor: Redactor
    let rowShape: [Int]
    let usage: Mutex<EndpointUsage>
    private let retry: RetryPolicy
    private let jitter: Mutex<SeededGenerator>
    private let permits: AsyncSemaphore
    private let limiter: RateLimiter?
    private let format = Mutex<(OutputKind, Int)>((.probabilities, 0))
    /// The answer to a request whose credentials were refused (401, 403), returned to every later request.
    private let refused = Mutex<EndpointError?>(nil)

    var kind: OutputKind {
        get { format.withLock { $0.0 } }
        set { format.withLock { $0.0 = newValue } }
    }
    var width: Int {
        get { format.withLock { $0.1 } }
        set { format.withLock { $0.1 = newValue } }
    }

    init(
        transport: any PredictionTransport, codec: PayloadCodec, limits: EndpointLimits, log: QueryLog?,
        redactor: Redactor, rowShape: [Int]
    ) {
        self.transport = transport
        self.codec = codec
        self.limits = limits
        self.log = log
        self.redactor = redactor
        self.rowShape = rowShape
        var u = EndpointUsage()
        u.maxRows = limits.maxRows
        usage = Mutex(u)
        retry = RetryPolicy(limits)
        jitter = Mutex(SeededGenerator(seed: limits.seed ^ 0x6A09_E667_F3BC_C908))
        permits = AsyncSemaphore(limits.concurrency)
        limiter = limits.requestsPerSecond.map { RateLimiter(requestsPerSecond: $0) }
    }

    /// Takes `rows` from the hard limit before anything is sent; refuses when it would pass it.
    func reserve(rows: Int, setup: Bool) throws {
        try usage.withLock { u in
            if let max = limits.maxRows, u.rows + rows > max {
                throw ModelAccessError.budgetExhausted(model: transport.location, budget: max, requested: rows)
            }
            u.rows += rows
            if setup { u.setupRows += rows }
        }
    }

    /// Sends `values` (rows × row width) in batches, at most ``EndpointLimits/concurrency`` at once.
    func predict(_ values: [Float], rows: Int) async throws -> [Answer] {
        let width = rowShape.reduce(1, *)
        let batch = limits.batchSize
        let chunks = stride(from: 0, to: rows, by: batch).map { ($0, min(batch, rows - $0)) }
        if chunks.count == 1 {
            return [try await request(values[...], rows: rows, kind: "predict")]
        }
        return try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
            for (i, (start, n)) in chunks.enumerated() {
                let slice = values[(start * width)..<((start + n) * width)]
                group.addTask { (i, try await self.request(slice, rows: n, kind: "predict")) }
            }
            var answers = [Answer?](repeating: nil, count: chunks.count)
            for try await (i, a) in group { answers[i] = a }
            return answers.compactMap { $0 }
        }
    }

    /// One request with its retries, holding one concurrency permit.
    func request(_ values: ArraySlice<Float>, rows: Int, kind: String) async throws -> Answer {
        let body = try codec.encode(values, rows: rows, rowShape: rowShape)
        return try await permits.withPermit {
            try await self.attempts(body, rows: rows, kind: kind)
        }
    }

    private func attempts(_ body: [UInt8], rows: Int, kind: String) async throws -> Answer {
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw ModelAccessError.interrupted }
            if let refusal = refused.withLock({ $0 }) { throw refusal }
            do {
                try await limiter?.acquire()
            } catch {
                throw ModelAccessError.interrupted
            }
            if Task.isCancelled { throw ModelAccessError.interrupted }
            usage.withLock { $0.requests += 1 }
            let started = Date()
            let clock = ContinuousClock.now
            var entry = QueryLog.Entry(
                time: started, kind: kind, target: transport.location, attempt: attempt, rows: rows,
                requestBytes: body.count, status: nil, latencySeconds: 0, responseBytes: 0, outcome: "ok", detail: nil)
            func elapsed() -> Double {
                let d = ContinuousClock.now - clock
                return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            }
            /// Logs this attempt as retried and waits before the next one.
            func backOffToRetry(retryAfter: Double?) async throws {
                entry.outcome = "retry"
                log?.record(entry)
                try await backoff(after: attempt, retryAfter: retryAfter)
            }
            /// Logs this attempt with `outcome` and counts it as a failed request.
            func recordFailure(_ outcome: String = "error") {
                entry.outcome = outcome
                log?.record(entry)
                usage.withLock { $0.failures += 1 }
            }
            let response: TransportResponse
            do {
                response = try await transport.send(body, timeout: limits.timeout)
            } catch {
                entry.latencySeconds = elapsed()
                entry.detail = error.message
                let charge =
                    error.retryable ? retryCharge(after: attempt, rows: rows, setup: kind == "setup") : .notRetryable
                if charge == .charged {
                    try await backOffToRetry(retryAfter: nil)
                    continue
                }
                recordFailure()
                switch error {
                case .fatal(let e): throw e.redacted(by: redactor)
                case .interrupted: throw ModelAccessError.interrupted
                default:
                    throw EndpointError.unreachable(
                        location: transport.location, reason: error.message, attempts: attempt, budgetNote: charge.note
                    ).redacted(by: redactor)
                }
            }
            entry.latencySeconds = elapsed()
            entry.status = response.status
            entry.responseBytes = response.body.count
            if (200..<300).contains(response.status) {
                do {
                    let answer = try codec.decode(response.body, rows: rows)
                    log?.record(entry)
                    return answer
                } catch {
                    entry.detail = error.description
                    recordFailure("bad-response")
                    guard case .badResponse(let problem) = error else { throw error.redacted(by: redactor) }
                    throw EndpointError.badResponse(
                        problem.mappingTexts { redactor(ControlCharacters.escaped($0, keeping: [])) })
                }
            }
            let snippet = redactor.snippet(response.body)
            entry.detail = snippet
            if RetryPolicy.isRetryable(status: response.status) {
                let after: Double?
                do {
                    after = try retry.retryAfter(header: response.headers["retry-after"], status: response.status)
                } catch {
                    recordFailure()
                    throw error
                }
                let charge = retryCharge(after: attempt, rows: rows, setup: kind == "setup")
                if charge == .charged {
                    try await backOffToRetry(retryAfter: after)
                    continue
                }
                recordFailure()
                throw EndpointError.rejected(
                    status: response.status,
                    detail: (snippet.isEmpty ? "empty body" : snippet) + Self.tries(attempt) + charge.note)
            }
            recordFailure()
            let error = EndpointError.rejected(
                status: response.status, detail: (snippet.isEmpty ? "empty body" : snippet) + Self.tries(attempt))
            if response.status == 401 || response.status == 403 {
                // The credentials were refused: no further request is sent with them.
                refused.withLock { $0 = $0 ?? error }
            }
            throw error
        }
    }

    private static func tries(_ attempt: Int) -> String { attempt > 1 ? " (after \(attempt) attempts)" : "" }

    /// Whether a failed attempt is tried again.
    private enum RetryCharge: Equatable {
        case charged
        case notRetryable
        case attemptsUsed
        case overBudget(Int)

        var note: String {
            if case .overBudget(let max) = self {
                return "; not retried: resending the rows would pass the --max-queries limit of \(max) rows"
            }
            return ""
        }
    }

    /// Charges a retry's rows to the row limit before it is sent, as every attempt reaches the
    /// server: the limit bounds the rows the server sees, not only the rows answered.
    private func retryCharge(after attempt: Int, rows: Int, setup: Bool) -> RetryCharge {
        guard attempt < retry.maxAttempts else { return .attemptsUsed }
        return usage.withLock { u in
            if let max = limits.maxRows, u.rows + rows > max { return .overBudget(max) }
            u.rows += rows
            if setup { u.setupRows += rows }
            return .charged
        }
    }

    private func backoff(after attempt: Int, retryAfter: Double?) async throws {
        usage.withLock { $0.retries += 1 }
        let u = jitter.withLock { $0.nextUniformDouble() }
        let seconds = retry.delay(afterAttempt: attempt, retryAfter: retryAfter, unit: u)
        if seconds > 0 {
            do {
                try await Task.sleep(for: .nanoseconds(Int64(seconds * 1e9)))
            } catch {
                throw ModelAccessError.interrupted
            }
        }
    }
}
