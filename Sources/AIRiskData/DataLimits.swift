/// Resource ceilings applied before any large allocation, so a hostile or mistaken file cannot exhaust
/// memory. The defaults suit data sets that fit comfortably in RAM.
package struct DataLimits: Sendable, Equatable {
    /// The largest array (in bytes, both as stored and as decoded in memory) that will be read. Default 2 GiB.
    package var maxArrayBytes: UInt64
    /// The longest .npy header accepted, in bytes. numpy itself refuses headers over 10 000 bytes by default.
    package var maxHeaderLength: Int
    /// The largest uncompressed-to-compressed size ratio accepted for a deflated .npz entry. Deflate cannot
    /// exceed about 1032:1, so a larger declared ratio means a crafted archive.
    package var maxCompressionRatio: UInt64
    /// The longest CSV record (in bytes) accepted.
    package var maxCSVLineLength: Int

    package init(
        maxArrayBytes: UInt64 = 2 << 30, maxHeaderLength: Int = 10_000, maxCompressionRatio: UInt64 = 1_100,
        maxCSVLineLength: Int = 1 << 20
    ) {
        self.maxArrayBytes = maxArrayBytes
        self.maxHeaderLength = maxHeaderLength
        self.maxCompressionRatio = maxCompressionRatio
        self.maxCSVLineLength = maxCSVLineLength
    }

    /// The defaults: 2 GiB arrays, 10 000-byte headers, ratio 1100, 1 MiB CSV lines.
    package static let standard = DataLimits()
}
