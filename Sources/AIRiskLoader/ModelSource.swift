import AIRiskEndpoint
import Foundation

/// Where the assessed model is.
package enum ModelSource: Sendable {
    /// An ONNX file: white-box access.
    case file(URL)
    /// A live HTTP prediction endpoint (its configuration's target is `.http`).
    case endpoint(EndpointConfiguration)
    /// A local command answering JSON lines (its configuration's target is `.command`).
    case command(EndpointConfiguration)

    /// The file, the endpoint URL, or the command's program, for display and default names.
    package var displayURL: URL {
        switch self {
        case .file(let url): return url
        case .endpoint(let c), .command(let c):
            switch c.target {
            case .http(let url): return URL(string: url) ?? URL(fileURLWithPath: "endpoint")
            case .command(let line):
                return URL(fileURLWithPath: line.split(separator: " ").first.map(String.init) ?? "command")
            }
        }
    }
}
