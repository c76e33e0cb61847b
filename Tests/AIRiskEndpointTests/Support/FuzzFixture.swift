import Foundation

/// An input of the endpoint fuzz target kept as a regression fixture (Tests/AIRiskEndpointTests/Fixtures/fuzz):
/// three configuration bytes, then what the endpoint sent (see Fuzz/EndpointFuzz.swift).
struct FuzzFixture {
    let bytes: [UInt8]

    init(_ name: String) throws {
        let url = ChildProcess.repositoryRoot.appendingPathComponent("Tests/AIRiskEndpointTests/Fixtures/fuzz/\(name)")
        bytes = Array(try Data(contentsOf: url))
    }

    /// The rows the harness asked for.
    var rows: Int { 1 + Int(bytes[0] % 8) }
    /// The answer body.
    var body: [UInt8] { Array(bytes.dropFirst(3)) }
    /// The body's first line, as the harness hands it to the Retry-After parser.
    var firstLine: String { String(decoding: body.prefix(while: { $0 != 0x0A }).prefix(200), as: UTF8.self) }
}
