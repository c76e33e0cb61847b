import Testing

@testable import AIRiskEndpoint

@Suite("Endpoint model access")
struct EndpointModelAccessTests {
    @Test("a configured row shape too large to send is a configuration error before any request")
    func hugeConfiguredShape() async {
        // Nothing listens on port 9: reaching the network would be an `unreachable` error instead.
        let configuration = EndpointConfiguration(
            target: .http(url: "http://127.0.0.1:9/invocations"), wireProtocol: .instances,
            inputShape: [1 << 40, 1 << 40])
        await #expect(throws: EndpointError.self) {
            do {
                _ = try await EndpointModelAccess.connect(configuration)
            } catch let e as EndpointError {
                #expect(e.description.contains("values per row"))
                throw e
            }
        }
    }
}
