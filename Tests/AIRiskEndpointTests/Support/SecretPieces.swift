import Foundation

/// The secrets the echoing fault server is given in tests, and a check that none of them, nor any
/// piece of 6 or more characters of one, shows in a text (raw or with common escapes undone).
enum SecretPieces {
    /// A bearer token with the characters that escaping changes (`/`, `+`).
    static let bearer = "Zq8x/T3vL+p0Wm9kR2"
    /// A Basic pair's password.
    static let password = "Pw7#kQ2/xYz9"
    static let basicPair = "alice:" + password
    static var basicHeader: String { "Basic " + Data(basicPair.utf8).base64EncodedString() }
    /// A query value outside the shown names (`x-api-key`).
    static let queryKey = "Uv5rTq8Lm2Nw"

    /// Everything that must not show: the secrets, the base64 header value, and the part of
    /// `base64("alice:" + secret)` that encodes the secret (the echo server writes it).
    static var forbidden: [String] {
        let cores = [bearer, queryKey, String(basicHeader.dropFirst(6))]
        let encoded = cores.map { core -> String in
            let b = Data(("alice:" + core).utf8).base64EncodedString()
            return String(b.dropFirst(8).dropLast(4))
        }
        return cores + [password] + encoded
    }

    /// The first forbidden piece found in `text`, or nil.
    static func leak(in text: String) -> String? {
        var views = [text]
        let unescaped = text.replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "&#x2F;", with: "/")
            .replacingOccurrences(of: "&#47;", with: "/").replacingOccurrences(of: "&amp;", with: "&")
        views.append(unescaped)
        views.append(unicodeUnescaped(unescaped))
        if let decoded = unescaped.removingPercentEncoding { views.append(decoded) }
        for secret in forbidden {
            let chars = Array(secret)
            for start in 0...(chars.count - 6) {
                let piece = String(chars[start..<(start + 6)])
                if views.contains(where: { $0.contains(piece) }) { return piece }
            }
        }
        return nil
    }

    /// `\uXXXX` escapes replaced by their characters.
    static func unicodeUnescaped(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\\", i + 5 < s.count, s[i + 1] == "u",
                let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)..<(i + 6)])), radix: 16),
                let u = Unicode.Scalar(v)
            {
                out.append(u)
                i += 6
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}
