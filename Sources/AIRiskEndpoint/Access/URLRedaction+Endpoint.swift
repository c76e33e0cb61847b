import AIRiskSupport
import Foundation

extension URLRedaction {
    /// `url` as the endpoint module shows it (``Redactor/mask`` for hidden query values).
    static func redact(_ url: String) -> String { redact(url, mask: Redactor.mask) }

    /// The query values ``redact(_:)`` masks, to be masked wherever else they appear (an answer
    /// echoing them). Values shorter than ``Redactor/minimumPiece`` are left out: a flag such as
    /// `1` or `true` masked everywhere would garble every message, and is no key.
    static func hiddenQueryValues(_ url: String) -> [String] {
        guard let items = URLComponents(string: url)?.queryItems else { return [] }
        return items.compactMap { shownQueryNames.contains($0.name.lowercased()) ? nil : $0.value }
            .filter { $0.utf8.count >= Redactor.minimumPiece }
    }
}
