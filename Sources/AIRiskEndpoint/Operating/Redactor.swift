import AIRiskSupport
import Foundation

/// Removes credential values from anything that is printed, logged or reported: error texts,
/// echoed response bodies, header dumps.
///
/// A server may echo a credential in many spellings, so each secret is expanded into its forms:
/// the header value, the value without its scheme (`Bearer `, `Basic `), a base64 value decoded
/// (a Basic pair `user:password`, and the password alone), the value with `+` for its spaces, and
/// the stable middle of its base64 encodings at each of the three alignments (standard and
/// URL-safe alphabets), which any base64 text containing the secret shows. The text is searched
/// as it is and after undoing up to ``maxDecodingLayers`` layers of JSON and C string escapes
/// (`\/`, `\uXXXX`, `\xHH`), URL percent-encoding and HTML character references. A whole form is
/// masked at any length, and so is any run of ``minimumPiece`` or more bytes of a secret, so a
/// snippet or a stderr tail cut through a secret shows no usable part of it.
struct Redactor: Sendable {
    static let mask = "[REDACTED]"
    /// The shortest piece of a secret that is masked on its own.
    static let minimumPiece = 6
    /// How many layers of escaping are undone (e.g. a JSON-escaped, percent-encoded value is two).
    static let maxDecodingLayers = 3

    /// Every form of every secret, longest first, masked wherever it occurs whole.
    private let wholes: [[UInt8]]
    /// Every ``minimumPiece``-byte window of every secret form (schemes excluded), packed.
    private let pieces: Set<UInt64>

    init(secrets: [String]) {
        var wholes = Set<[UInt8]>()
        var material = Set<[UInt8]>()
        for s in secrets where !s.isEmpty {
            let (all, secret) = Self.forms(of: Array(s.utf8))
            wholes.formUnion(all)
            material.formUnion(secret)
        }
        self.wholes = wholes.sorted { $0.count > $1.count }
        var pieces = Set<UInt64>()
        for f in material where f.count >= Self.minimumPiece {
            for i in 0...(f.count - Self.minimumPiece) { pieces.insert(Self.key(f, at: i)) }
        }
        self.pieces = pieces
    }

    /// Whether there is nothing to mask.
    var isEmpty: Bool { wholes.isEmpty }

    func callAsFunction(_ text: String) -> String {
        guard !isEmpty, !text.isEmpty else { return text }
        let original = Array(text.utf8)
        var masked = [Bool](repeating: false, count: original.count)
        var layer = original
        var origin = (0..<original.count).map { $0..<($0 + 1) }
        for depth in 0...Self.maxDecodingLayers {
            for k in matches(in: layer) {
                for j in origin[k] { masked[j] = true }
            }
            guard depth < Self.maxDecodingLayers, let next = Self.decodeLayer(layer) else { break }
            origin = next.origin.map { origin[$0.lowerBound].lowerBound..<origin[$0.upperBound - 1].upperBound }
            layer = next.bytes
        }
        guard masked.contains(true) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(original.count)
        var i = 0
        while i < original.count {
            if masked[i] {
                out += Array(Self.mask.utf8)
                while i < original.count, masked[i] { i += 1 }
            } else {
                out.append(original[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A response body for an error message or the log: at most `limit` characters of it, masked
    /// before the cut, control characters escaped.
    func snippet(_ body: [UInt8], limit: Int = 160) -> String {
        // Mask a generous head first, so a secret straddling the cut is whole when it is masked.
        let head = body.prefix(limit * 8 + 4096)
        let text = self(String(decoding: head, as: UTF8.self))
        var end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        // A mask the cut runs through is kept whole, so the message says what was removed.
        let from = text.index(end, offsetBy: 1 - Self.mask.count, limitedBy: text.startIndex) ?? text.startIndex
        if let mask = text.range(of: Self.mask, range: from..<text.endIndex), mask.lowerBound < end {
            end = mask.upperBound
        }
        let cut = end < text.endIndex || head.count < body.count
        return ControlCharacters.escaped(String(text[..<end]), keeping: []) + (cut ? "…" : "")
    }

    /// Whether `text` still shows a whole form or a ``minimumPiece``-byte piece of a secret, as it is
    /// or with up to ``maxDecodingLayers`` layers of escaping undone: what masking must never leave
    /// (tests and the fuzz harness check it).
    func reveals(_ text: String) -> Bool {
        var layer = Array(text.utf8)
        for depth in 0...Self.maxDecodingLayers {
            if !matches(in: layer).isEmpty { return true }
            guard depth < Self.maxDecodingLayers, let next = Self.decodeLayer(layer) else { break }
            layer = next.bytes
        }
        return false
    }

    /// The byte indexes of `bytes` inside a whole form or a secret piece.
    private func matches(in bytes: [UInt8]) -> [Int] {
        var hit = [Bool](repeating: false, count: bytes.count)
        for w in wholes where !w.isEmpty && w.count <= bytes.count {
            var i = 0
            while i <= bytes.count - w.count {
                if bytes[i] == w[0], bytes[i..<(i + w.count)].elementsEqual(w) {
                    for j in i..<(i + w.count) { hit[j] = true }
                    i += w.count
                } else {
                    i += 1
                }
            }
        }
        if !pieces.isEmpty, bytes.count >= Self.minimumPiece {
            for i in 0...(bytes.count - Self.minimumPiece) where pieces.contains(Self.key(bytes, at: i)) {
                for j in i..<(i + Self.minimumPiece) { hit[j] = true }
            }
        }
        return hit.indices.filter { hit[$0] }
    }

    private static func key(_ b: [UInt8], at i: Int) -> UInt64 {
        var k: UInt64 = 0
        for j in i..<(i + minimumPiece) { k = k << 8 | UInt64(b[j]) }
        return k
    }

    // MARK: Forms of a secret

    /// All forms of a header value to mask whole, and those that are secret material throughout
    /// (the value without its scheme, so the word `Bearer` alone is not masked everywhere).
    static func forms(of value: [UInt8]) -> (all: Set<[UInt8]>, secret: Set<[UInt8]>) {
        var all: Set<[UInt8]> = [value]
        var cores: [[UInt8]] = []
        if let space = value.firstIndex(of: 0x20), space > 0,
            value[..<space].allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        {
            let rest = Array(value[(space + 1)...].drop { $0 == 0x20 })
            if !rest.isEmpty { cores.append(rest) }
            all.insert(value.map { $0 == 0x20 ? UInt8(ascii: "+") : $0 })
        } else {
            cores.append(value)
        }
        for c in cores {
            if let decoded = base64Text(c) {
                cores.append(decoded)
                if let colon = decoded.firstIndex(of: UInt8(ascii: ":")), colon + 1 < decoded.count {
                    cores.append(Array(decoded[(colon + 1)...]))
                }
            }
        }
        var secret = Set<[UInt8]>()
        for c in cores {
            secret.insert(c)
            if c.contains(0x20) { secret.insert(c.map { $0 == 0x20 ? UInt8(ascii: "+") : $0 }) }
            for m in base64Middles(c) where m.count >= minimumPiece { secret.insert(m) }
        }
        all.formUnion(secret)
        return (all, secret)
    }

    /// `bytes` decoded as base64 (either alphabet, padding optional) when that gives printable ASCII.
    static func base64Text(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4 else { return nil }
        var s = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while s.utf8.count % 4 != 0 { s += "=" }
        guard let d = Data(base64Encoded: s), d.count >= 3, d.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            return nil
        }
        return Array(d)
    }

    /// The characters of `bytes`' base64 encoding that do not depend on what surrounds it, for each
    /// of the three byte alignments, in the standard and the URL-safe alphabet.
    static func base64Middles(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for a in 0..<3 {
            let encoded = Array(Data([UInt8](repeating: 0, count: a) + bytes).base64EncodedString().utf8)
            let start = (8 * a + 5) / 6
            let end = 8 * (a + bytes.count) / 6
            guard end > start else { continue }
            let middle = Array(encoded[start..<end])
            out.append(middle)
            out.append(
                middle.map {
                    $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0
                })
        }
        return out
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    // MARK: Undoing one layer of escaping

    /// `bytes` with one layer of JSON/C string escapes, percent-encoding and HTML character
    /// references undone; `origin[k]` is the range of input bytes that output byte `k` came from.
    /// nil when there was nothing to undo.
    static func decodeLayer(_ b: [UInt8]) -> (bytes: [UInt8], origin: [Range<Int>])? {
        var bytes: [UInt8] = []
        var origin: [Range<Int>] = []
        bytes.reserveCapacity(b.count)
        origin.reserveCapacity(b.count)
        var changed = false
        var i = 0
        while i < b.count {
            if let e = escape(b, at: i) {
                let (decoded, length) = e
                for byte in decoded {
                    bytes.append(byte)
                    origin.append(i..<(i + length))
                }
                i += length
                changed = true
            } else {
                bytes.append(b[i])
                origin.append(i..<(i + 1))
                i += 1
            }
        }
        return changed ? (bytes, origin) : nil
    }

    /// The bytes an escape sequence starting at `i` stands for, and its length.
    private static func escape(_ b: [UInt8], at i: Int) -> ([UInt8], Int)? {
        func hex(_ from: Int, _ count: Int) -> UInt32? {
            guard from + count <= b.count else { return nil }
            var v: UInt32 = 0
            for j in from..<(from + count) {
                guard let d = hexDigit(b[j]) else { return nil }
                v = v << 4 | d
            }
            return v
        }
        switch b[i] {
        case UInt8(ascii: "\\"):
            guard i + 1 < b.count else { return nil }
            switch b[i + 1] {
            case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return ([b[i + 1]], 2)
            case UInt8(ascii: "n"): return ([0x0A], 2)
            case UInt8(ascii: "r"): return ([0x0D], 2)
            case UInt8(ascii: "t"): return ([0x09], 2)
            case UInt8(ascii: "b"): return ([0x08], 2)
            case UInt8(ascii: "f"): return ([0x0C], 2)
            case UInt8(ascii: "x"): return hex(i + 2, 2).map { ([UInt8($0)], 4) }
            case UInt8(ascii: "u"):
                guard let v = hex(i + 2, 4) else { return nil }
                if (0xD800..<0xDC00).contains(v), i + 11 < b.count, b[i + 6] == UInt8(ascii: "\\"),
                    b[i + 7] == UInt8(ascii: "u"), let low = hex(i + 8, 4), (0xDC00..<0xE000).contains(low)
                {
                    return utf8(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)).map { ($0, 12) }
                }
                return utf8(v).map { ($0, 6) }
            default: return nil
            }
        case UInt8(ascii: "%"):
            return hex(i + 1, 2).map { ([UInt8($0)], 3) }
        case UInt8(ascii: "&"):
            let end = b[i...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            guard let end else { return nil }
            let name = String(decoding: b[(i + 1)..<end], as: UTF8.self)
            let length = end + 1 - i
            switch name {
            case "amp": return ([UInt8(ascii: "&")], length)
            case "lt": return ([UInt8(ascii: "<")], length)
            case "gt": return ([UInt8(ascii: ">")], length)
            case "quot": return ([UInt8(ascii: "\"")], length)
            case "apos": return ([UInt8(ascii: "'")], length)
            default:
                guard name.hasPrefix("#") else { return nil }
                let digits = name.dropFirst()
                let value =
                    digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                return value.flatMap { utf8($0) }.map { ($0, length) }
            }
        default:
            return nil
        }
    }

    private static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func utf8(_ v: UInt32) -> [UInt8]? {
        guard let scalar = Unicode.Scalar(v) else { return nil }
        return Array(String(Character(scalar)).utf8)
    }
}
