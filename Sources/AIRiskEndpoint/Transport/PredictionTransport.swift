import AIRiskAccess

/// One exchange with a live model: a request body out, a status and a body back.
protocol PredictionTransport: Sendable {
    /// Where the model is, safe to print (no credentials).
    var location: String { get }
    /// Sends one prediction request.
    func send(_ body: [UInt8], timeout: Double) async throws(TransportError) -> TransportResponse
    /// Fetches `url`'s metadata (HTTP GET), when the transport has any.
    func metadata(url: String, timeout: Double) async throws(TransportError) -> TransportResponse?
    /// Releases the transport (stops a command's process).
    func close()
}

/// A transport's answer.
struct TransportResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
}

/// A failed exchange, and whether trying again can help.
enum TransportError: Error, Sendable {
    /// The connection failed, dropped or closed early.
    case connection(String)
    /// No complete answer within the timeout.
    case timedOut(Double)
    /// Retrying cannot help (a crashed or hung command, a bad URL).
    case fatal(EndpointError)
    /// The assessment was interrupted (Ctrl-C) during the exchange.
    case interrupted

    var retryable: Bool {
        switch self {
        case .fatal, .interrupted: false
        case .connection, .timedOut: true
        }
    }

    var message: String {
        switch self {
        case .connection(let m): "connection failed: \(m)"
        case .timedOut(let s): "no answer within the \(s) s timeout"
        case .fatal(let e): e.description
        case .interrupted: ModelAccessError.interrupted.description
        }
    }
}
