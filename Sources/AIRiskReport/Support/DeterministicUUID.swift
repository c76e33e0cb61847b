import Foundation

/// Name-based version-5 UUIDs (RFC 4122 §4.3): the same namespace and name always give the same UUID, so the
/// same results render to byte-identical OSCAL and SARIF.
enum DeterministicUUID {
    /// The namespace for every airisk-derived UUID (itself a v5 UUID of "airisk" in the URL namespace).
    static let airiskNamespace = v5(
        namespace: [
            0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
        ], name: "urn:airisk")

    /// The v5 UUID of `name` in `namespace` (16 bytes), as 16 bytes.
    static func v5(namespace: [UInt8], name: String) -> [UInt8] {
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    /// The lowercase 8-4-4-4-12 form of the airisk UUID for `name`.
    static func string(_ name: String) -> String {
        format(v5(namespace: airiskNamespace, name: name))
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
            + String(c[20..<32])
    }
}
