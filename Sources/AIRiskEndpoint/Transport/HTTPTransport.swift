import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Prediction requests over HTTP(S) with AsyncHTTPClient. TLS certificates are verified (the
/// client's default); redirects are not followed, so credentials never go to another host.
struct HTTPTransport: PredictionTransport {
    /// One client for the process: it lives as long as the program, so it never needs shutting down.
    static let client: HTTPClient = {
        var c = HTTPClient.Configuration()
        c.redirectConfiguration = .disallow
        // No Accept-Encoding: compressing answers costs the server CPU, which is the limit being measured.
        c.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: c)
    }()

    static let maxResponseBytes = 256 << 20

    let url: String
    let location: String
    let headers: [(String, String)]

    init(url: String, headers: [(String, String)], location: String) throws(EndpointError) {
        guard let u = URL(string: url), let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https",
            u.host != nil
        else {
            throw .badOption(option: "--endpoint", value: "'\(location)'", requirement: "it must be an http(s) URL")
        }
        guard u.user == nil, u.password == nil else {
            throw .badOption(
                option: "--endpoint", value: "'\(location)'",
                requirement: "credentials in the URL would show in process lists and shell history; pass them with "
                    + "--header-env HEADER=ENVVAR or --header-file HEADER=PATH")
        }
        self.url = url
        self.headers = headers
        self.location = location
    }

    func send(_ body: [UInt8], timeout: Double) async throws(TransportError) -> TransportResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await exchange(request, timeout: timeout)
    }

    func metadata(url: String, timeout: Double) async throws(TransportError) -> TransportResponse? {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        return try await exchange(request, timeout: timeout)
    }

    func close() {}

    /// One request and its whole answer, headers and body, within `timeout` seconds: a server that
    /// sends its headers and then drips the body is cut off at the same deadline as a silent one.
    private func exchange(_ r: HTTPClientRequest, timeout: Double) async throws(TransportError) -> TransportResponse {
        var request = r
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout * 1e9))
        let prepared = request
        do {
            return try await withThrowingTaskGroup(of: TransportResponse.self) { group in
                group.addTask {
                    let response = try await Self.client.execute(prepared, deadline: deadline)
                    let buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
                    var h: [String: String] = [:]
                    for (name, value) in response.headers { h[name.lowercased()] = value }
                    return TransportResponse(
                        status: Int(response.status.code), headers: h, body: Array(buffer.readableBytesView))
                }
                group.addTask {
                    // The body's deadline: AsyncHTTPClient's covers the response head only.
                    try await Task.sleep(for: .nanoseconds(Int64(timeout * 1e9)))
                    throw WholeResponseTimeout()
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw WholeResponseTimeout() }
                return first
            }
        } catch is WholeResponseTimeout {
            throw .timedOut(timeout)
        } catch let e as HTTPClientError {
            if e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
                throw .timedOut(timeout)
            }
            if e == .invalidURL || e == .emptyHost || e == .unsupportedScheme(URL(string: url)?.scheme ?? "") {
                throw .fatal(.badOption(option: "--endpoint", value: location, requirement: "\(e)"))
            }
            if e == .cancelled, Task.isCancelled { throw .interrupted }
            throw .connection("\(e)")
        } catch is CancellationError {
            throw .interrupted
        } catch {
            if Task.isCancelled { throw .interrupted }
            throw .connection("\(error)")
        }
    }
}

/// The whole-response deadline passed.
private struct WholeResponseTimeout: Error {}
