import AIRiskSupport
import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskEndpoint

/// Credentials are masked in every spelling an answer may use, and pieces of them cut at a
/// snippet's end (issue 15, finding 1).
@Suite("Redactor")
struct RedactorTests {
    let redactor = Redactor(secrets: ["Bearer " + SecretPieces.bearer, SecretPieces.basicHeader, SecretPieces.queryKey])

    @Test(
        "each spelling of a secret is masked",
        arguments: [
            "Bearer " + SecretPieces.bearer,
            SecretPieces.bearer,
            SecretPieces.bearer.replacingOccurrences(of: "/", with: "\\/"),
            SecretPieces.bearer.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined(),
            SecretPieces.bearer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            // JSON-escaped and then percent-encoded: two layers.
            SecretPieces.bearer.replacingOccurrences(of: "/", with: "\\/")
                .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            SecretPieces.bearer.replacingOccurrences(of: "/", with: "&#x2F;"),
            Data(("alice:" + SecretPieces.bearer).utf8).base64EncodedString(),
            Data(("x:" + SecretPieces.bearer).utf8).base64EncodedString(),
            SecretPieces.basicHeader,
            SecretPieces.basicPair,
            SecretPieces.password,
            SecretPieces.queryKey,
        ])
    func spellings(echo: String) {
        let text = "error: bad credentials \(echo) (request 7)"
        let masked = redactor(text)
        #expect(SecretPieces.leak(in: masked) == nil, "\(masked)")
        #expect(masked.hasPrefix("error: bad credentials "))
        #expect(masked.hasSuffix(" (request 7)"))
        #expect(masked.contains(Redactor.mask))
    }

    @Test("a piece of 6 or more characters is masked, shorter ones and unrelated text are kept")
    func pieces() {
        // A snippet cut through the token leaves its first 8 characters.
        let cut = redactor("401: token " + String(SecretPieces.bearer.prefix(8)) + "…")
        #expect(cut == "401: token [REDACTED]…")
        let tail = redactor(String(SecretPieces.bearer.suffix(7)) + " was refused")
        #expect(tail == "[REDACTED] was refused")
        #expect(redactor("send a Bearer token") == "send a Bearer token")
        #expect(redactor("Zq8x/ is short") == "Zq8x/ is short")
        #expect(redactor("plain text, 12345") == "plain text, 12345")
    }

    @Test("a snippet is masked before it is cut, and its control characters are escaped")
    func snippet() {
        let body =
            Array(("{\"error\": \"" + String(repeating: "x", count: 145) + SecretPieces.bearer + "\"}").utf8)
            + [0x1B, 0x5B, 0x32, 0x4A, 0x07]
        let s = redactor.snippet(body)
        #expect(SecretPieces.leak(in: s) == nil, "\(s)")
        // The cut at 160 characters runs through the mask, which is kept whole.
        #expect(s.hasSuffix(Redactor.mask + "…"), "\(s)")
        let short = Redactor(secrets: []).snippet([0x61, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x07, 0x0A, 0x62])
        #expect(short == "a\\u{1B}[31m\\u{7}\\u{A}b")
        #expect(ControlCharacters.escaped("a\nb\u{9B}c\u{7F}", keeping: ["\n", "\t"]) == "a\nb\\u{9B}c\\u{7F}")
    }

    @Test("forms: the scheme is not secret, a Basic pair is decoded, base64 middles at each alignment")
    func forms() {
        let (all, secret) = Redactor.forms(of: Array(SecretPieces.basicHeader.utf8))
        #expect(secret.contains(Array(SecretPieces.basicPair.utf8)))
        #expect(secret.contains(Array(SecretPieces.password.utf8)))
        #expect(!secret.contains(Array(SecretPieces.basicHeader.utf8)))
        #expect(all.contains(Array(SecretPieces.basicHeader.utf8)))
        for prefix in ["", "a", "ab", "abc"] {
            let encoded = Data((prefix + "secret-value-9").utf8).base64EncodedString()
            let middles = Redactor.base64Middles(Array("secret-value-9".utf8))
            #expect(middles.contains { encoded.contains(String(decoding: $0, as: UTF8.self)) }, "\(prefix)")
        }
    }

    @Test("URLs show only harmless query values; hidden ones become secrets")
    func urls() {
        let url =
            "https://h:8443/v2/models/m/infer?x-api-key=\(SecretPieces.queryKey)&subscription-key=k2&api-version=7#f"
        let shown = URLRedaction.redact(url)
        #expect(!shown.contains(SecretPieces.queryKey))
        #expect(!shown.contains("k2"))
        #expect(shown.contains("api-version=7"))
        #expect(!shown.contains("#f"))
        #expect(URLRedaction.hiddenQueryValues(url) == [SecretPieces.queryKey])
    }

    @Test("property: no masked text or snippet reveals a secret, whatever pieces and escapes surround it")
    func property() {
        var g = SeededGenerator(seed: 15)
        let material = [
            SecretPieces.bearer, SecretPieces.basicPair, SecretPieces.queryKey,
            String(SecretPieces.basicHeader.dropFirst(6)),
        ]
        let noise = [
            "%2F", "%2f", "\\/", "\\u002f", "\\u00", "&#x2F;", "&#47;", "&amp;", "%", "\\", "&", "\u{1B}[2J", "\u{7}",
            "é", "x", " ",
        ]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                if Bool.random(using: &g) {
                    let m = Array(material.randomElement(using: &g) ?? "")
                    let a = Int.random(in: 0..<m.count, using: &g)
                    let b = Int.random(in: a...m.count, using: &g)
                    var piece = String(m[a..<b])
                    switch Int.random(in: 0..<4, using: &g) {
                    case 1: piece = piece.replacingOccurrences(of: "/", with: "\\/")
                    case 2: piece = piece.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? piece
                    case 3: piece = piece.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
                    default: break
                    }
                    text += piece
                } else {
                    text += noise.randomElement(using: &g) ?? ""
                }
            }
            let masked = redactor(text)
            #expect(!redactor.reveals(masked), "\(text) → \(masked)")
            let snippet = redactor.snippet(Array(text.utf8), limit: Int.random(in: 1...80, using: &g))
            #expect(!redactor.reveals(snippet), "\(text) → \(snippet)")
            #expect(!snippet.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
    }
}
