import Foundation

/// Endpoint URLs as they may be shown or recorded: no user name, password or fragment, and every query value
/// masked unless its name is on ``shownQueryNames`` (a key may hide under any name: `x-api-key`,
/// `subscription-key`, `sv`…). The one rule behind the endpoint module's messages and logs and the results
/// document's model identity.
package enum URLRedaction {
    /// Query parameters whose values are shown: versions and formats, never credentials.
    package static let shownQueryNames: Set<String> = ["api-version", "version", "model", "format"]

    /// `url` with its credentials and fragment removed and its hidden query values replaced by `mask`.
    package static func redact(_ url: String, mask: String) -> String {
        guard var c = URLComponents(string: url) else { return "<unparseable URL>" }
        c.user = nil
        c.password = nil
        c.fragment = nil
        if let items = c.queryItems {
            c.queryItems = items.map {
                shownQueryNames.contains($0.name.lowercased()) || $0.value == nil
                    ? $0 : URLQueryItem(name: $0.name, value: mask)
            }
        }
        return c.string ?? "<unparseable URL>"
    }
}
