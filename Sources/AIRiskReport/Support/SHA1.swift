import Crypto

/// SHA-1 (FIPS 180-4, through swift-crypto), used only to derive name-based version-5 UUIDs (RFC 4122 §4.3), not
/// for security.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] { Array(Insecure.SHA1.hash(data: message)) }
}
