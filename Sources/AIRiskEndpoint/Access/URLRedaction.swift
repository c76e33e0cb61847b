import Foundation

/// Endpoint URLs as they may be shown: no user name, password or fragment, and every query value
/// masked unless its name is on ``shownQueryNames`` (a key may hide under any name: `x-api-key`,
/// `subscription-key`, `sv`…). ModelIdentity.redactedURL in AIRiskResults applies the same rule.
enum URLRedaction {
    /// Query parameters whose values are shown: versions and formats, never credentials.
    static let shownQueryNames: Set<String> = ["api-version", "version", "model", "format"]

    static func redact(_ url: String) -> String {
        guard var c = URLComponents(string: url) else { return "<unparseable URL>" }
        c.user = nil
        c.password = nil
        c.fragment = nil
        if let items = c.queryItems {
            c.queryItems = items.map {
                shownQueryNames.contains($0.name.lowercased()) || $0.value == nil
                    ? $0 : URLQueryItem(name: $0.name, value: Redactor.mask)
            }
        }
        return c.string ?? "<unparseable URL>"
    }

    /// The query values ``redact(_:)`` masks, to be masked wherever else they appear (an answer
    /// echoing them). Values shorter than ``Redactor/minimumPiece`` are left out: a flag such as
    /// `1` or `true` masked everywhere would garble every message, and is no key.
    static func hiddenQueryValues(_ url: String) -> [String] {
        guard let items = URLComponents(string: url)?.queryItems else { return [] }
        return items.compactMap { shownQueryNames.contains($0.name.lowercased()) ? nil : $0.value }
            .filter { $0.utf8.count >= Redactor.minimumPiece }
    }
}
