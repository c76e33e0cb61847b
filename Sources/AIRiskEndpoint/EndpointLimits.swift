/// How politely and safely an endpoint is queried.
package struct EndpointLimits: Sendable, Equatable {
    /// Rows per request.
    package var batchSize: Int
    /// Requests in flight at once (a command model always gets one).
    package var concurrency: Int
    /// Client-side rate limit in requests per second; nil for none.
    package var requestsPerSecond: Double?
    /// Per-request timeout in seconds.
    package var timeout: Double
    /// Attempts per request, the first included, on connection errors, timeouts, 429 and 5xx.
    package var maxAttempts: Int
    /// First backoff ceiling in seconds; doubles per retry (full jitter) up to ``backoffCap``.
    package var backoffBase: Double
    package var backoffCap: Double
    /// The longest `Retry-After` honoured; a server asking for more fails the request.
    package var maxRetryAfter: Double
    /// Hard limit on rows sent for answers over the whole session, set-up rows and retried rows
    /// included (every attempt is charged before it is sent), so the server never sees more. nil for none.
    package var maxRows: Int?
    /// Seed of the backoff jitter.
    package var seed: UInt64

    package init(
        batchSize: Int = 64, concurrency: Int = 4, requestsPerSecond: Double? = nil, timeout: Double = 30,
        maxAttempts: Int = 4, backoffBase: Double = 0.25, backoffCap: Double = 8, maxRetryAfter: Double = 60,
        maxRows: Int? = nil, seed: UInt64 = 0
    ) {
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.maxRetryAfter = maxRetryAfter
        self.maxRows = maxRows
        self.seed = seed
    }

    /// The ranges the limits must lie in: beyond them a value is a typo, and converting it to a duration or an
    /// allocation would trap (`--timeout 1e10`, `--rate 1e-300`).
    package static let timeoutRange = 0.001...86_400.0
    package static let rateRange = 0.001...1_000_000.0
    package static let batchRange = 1...1_000_000
    package static let concurrencyRange = 1...1_024
    package static let attemptsRange = 1...100

    /// Throws when a limit is out of range.
    package func validate() throws(EndpointError) {
        func range(_ r: ClosedRange<Int>) -> ClosedRange<Double> { Double(r.lowerBound)...Double(r.upperBound) }
        guard Self.batchRange.contains(batchSize) else {
            throw .outOfRange(option: "--batch", value: "\(batchSize)", allowed: range(Self.batchRange), unit: nil)
        }
        guard Self.concurrencyRange.contains(concurrency) else {
            throw .outOfRange(
                option: "--concurrency", value: "\(concurrency)", allowed: range(Self.concurrencyRange), unit: nil)
        }
        if let r = requestsPerSecond, !Self.rateRange.contains(r) {
            throw .outOfRange(option: "--rate", value: "\(r)", allowed: Self.rateRange, unit: "requests per second")
        }
        guard Self.timeoutRange.contains(timeout) else {
            throw .outOfRange(option: "--timeout", value: "\(timeout)", allowed: Self.timeoutRange, unit: "seconds")
        }
        guard Self.attemptsRange.contains(maxAttempts) else {
            throw .outOfRange(
                option: "--max-attempts", value: "\(maxAttempts)", allowed: range(Self.attemptsRange), unit: nil)
        }
        if let m = maxRows, m <= 0 {
            throw .outOfRange(option: "--max-queries", value: "\(m)", allowed: 1...Double.infinity, unit: nil)
        }
    }
}
