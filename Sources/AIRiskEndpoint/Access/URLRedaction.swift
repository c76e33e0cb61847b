import Foundation

/// Endpoint URLs as they may be shown: no user name, password or secret-looking query values.
enum URLRedaction {
    static let secretQueryNames: Set<String> = [
        "token", "access_token", "api_key", "apikey", "key", "password", "secret", "sig", "signature", "auth", "code",
    ]

    static func redact(_ url: String) -> String {
        guard var c = URLComponents(string: url) else { return "<unparseable URL>" }
        c.user = nil
        c.password = nil
        if let items = c.queryItems {
            c.queryItems = items.map {
                secretQueryNames.contains($0.name.lowercased()) ? URLQueryItem(name: $0.name, value: Redactor.mask) : $0
            }
        }
        return c.string ?? "<unparseable URL>"
    }
}
