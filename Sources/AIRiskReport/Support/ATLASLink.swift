import Foundation

/// Links to MITRE ATLAS technique pages (AML.T0024.000 → https://atlas.mitre.org/techniques/AML.T0024/000).
enum ATLASLink {
    static func url(_ techniqueID: String) -> String {
        var parts = techniqueID.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // "AML", "T0024", "000": the first dot belongs to the id, later dots separate sub-techniques.
        guard parts.count >= 2, parts[0] == "AML" else {
            let escaped = techniqueID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            return "https://atlas.mitre.org/techniques/" + escaped
        }
        let head = parts.removeFirst() + "." + parts.removeFirst()
        return "https://atlas.mitre.org/techniques/" + ([head] + parts).joined(separator: "/")
    }
}
