/// How politely and safely an endpoint is queried.
public struct EndpointLimits: Sendable, Equatable {
    /// Rows per request.
    public var batchSize: Int
    /// Requests in flight at once (a command model always gets one).
    public var concurrency: Int
    /// Client-side rate limit in requests per second; nil for none.
    public var requestsPerSecond: Double?
    /// Per-request timeout in seconds.
    public var timeout: Double
    /// Attempts per request, the first included, on connection errors, timeouts, 429 and 5xx.
    public var maxAttempts: Int
    /// First backoff ceiling in seconds; doubles per retry (full jitter) up to ``backoffCap``.
    public var backoffBase: Double
    public var backoffCap: Double
    /// The longest `Retry-After` honoured; a server asking for more fails the request.
    public var maxRetryAfter: Double
    /// Hard limit on rows sent for answers over the whole session, set-up rows and retried rows
    /// included (every attempt is charged before it is sent), so the server never sees more. nil for none.
    public var maxRows: Int?
    /// Seed of the backoff jitter.
    public var seed: UInt64

    public init(
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

    /// Throws when a limit is out of range.
    public func validate() throws(EndpointError) {
        guard batchSize > 0 else { throw .configuration("--batch must be at least 1 (got \(batchSize))") }
        guard concurrency > 0 else { throw .configuration("--concurrency must be at least 1 (got \(concurrency))") }
        if let r = requestsPerSecond, !(r > 0) { throw .configuration("--rate must be positive (got \(r))") }
        guard timeout > 0 else { throw .configuration("--timeout must be positive (got \(timeout))") }
        guard maxAttempts > 0 else { throw .configuration("--max-attempts must be at least 1 (got \(maxAttempts))") }
        if let m = maxRows, m <= 0 { throw .configuration("--max-queries must be positive (got \(m))") }
    }
}
