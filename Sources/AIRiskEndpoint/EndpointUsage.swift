/// What an endpoint session has asked of the server so far.
package struct EndpointUsage: Sendable, Equatable {
    /// Rows sent for answers, every attempt counted: a retried request's rows are charged again
    /// before it is resent, as the server sees them again.
    package var rows: Int = 0
    /// Of ``rows``, those sent at set-up to learn the answer format.
    package var setupRows: Int = 0
    /// HTTP requests or command lines sent, every attempt counted.
    package var requests: Int = 0
    /// Attempts that were retried.
    package var retries: Int = 0
    /// Requests that failed for good.
    package var failures: Int = 0
    /// The hard row limit, when one was set.
    package var maxRows: Int?

    package init() {}
}
