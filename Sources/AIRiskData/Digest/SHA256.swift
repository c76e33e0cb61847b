import AIRiskSupport
import AIRiskTensor
import Crypto
import Foundation

/// SHA-256 (FIPS 180-4, through swift-crypto), used to identify model files and data sets in results documents.
package struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    package init() {}

    /// The hex digest of `data`.
    package static func hex(_ data: Data) -> String {
        var h = SHA256()
        h.update(data)
        return hex(h.finalize())
    }

    /// The hex digest of the file at `url`, read in 1 MiB pieces (a model file of gigabytes costs no more
    /// memory than one piece).
    package static func hex(contentsOf url: URL) throws -> String {
        let handle = try InputFile.open(url)
        defer { try? handle.close() }
        var h = SHA256()
        do {
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { h.update(piece) }
        } catch {
            throw DataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return hex(h.finalize())
    }

    package mutating func update(_ data: Data) { hasher.update(data: data) }

    /// The 32-byte digest of everything passed to ``update(_:)``.
    package mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    private static func hex(_ digest: [UInt8]) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
