/// Spaces request starts at least `1 / rate` seconds apart across all concurrent senders.
actor RateLimiter {
    private let interval: Duration
    private var next: ContinuousClock.Instant = .now

    init(requestsPerSecond: Double) {
        interval = .nanoseconds(Int64((1e9 / requestsPerSecond).rounded()))
    }

    /// Waits for the next free slot; the slot is taken before suspending, so callers never collide.
    func acquire() async throws {
        let now = ContinuousClock.Instant.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
    }
}
