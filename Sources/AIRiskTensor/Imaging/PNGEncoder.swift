import Foundation

/// Encodes 8-bit grayscale or RGB pixel buffers as PNG files.
///
/// The inversion probe writes its reconstructions with this, and reports embed them as `data:` URIs, so it must
/// need nothing outside the standard library. Image data is stored in zlib "stored" (uncompressed) deflate
/// blocks: the files are larger than a compressing encoder's but every decoder reads them, and the checksums
/// (CRC-32 per chunk, Adler-32 over the zlib stream) are computed exactly.
package enum PNGEncoder {
    /// The pixel layout of the buffer handed to ``encode(width:height:colorType:pixels:)``.
    package enum ColorType: Sendable, Equatable {
        /// One byte per pixel.
        case grayscale
        /// Three bytes per pixel, red, green, blue.
        case rgb

        var channels: Int { self == .grayscale ? 1 : 3 }
        var pngCode: UInt8 { self == .grayscale ? 0 : 2 }
    }

    /// Why pixels could not be encoded.
    package enum EncodingError: Error, Sendable, Equatable, CustomStringConvertible {
        case invalidDimensions(width: Int, height: Int)
        case pixelCountMismatch(expected: Int, actual: Int)

        package var description: String {
            switch self {
            case .invalidDimensions(let w, let h):
                "PNG image must be between 1x1 and 65535x65535 pixels, got \(w)x\(h)"
            case .pixelCountMismatch(let expected, let actual):
                "PNG pixel buffer holds \(actual) bytes, expected \(expected) (width x height x channels)"
            }
        }
    }

    /// A PNG file holding `pixels`, row-major from the top-left, `colorType.channels` bytes per pixel.
    package static func encode(width: Int, height: Int, colorType: ColorType, pixels: [UInt8]) throws(EncodingError)
        -> Data
    {
        guard (1...65535).contains(width), (1...65535).contains(height) else {
            throw .invalidDimensions(width: width, height: height)
        }
        let rowBytes = width * colorType.channels
        guard pixels.count == rowBytes * height else {
            throw .pixelCountMismatch(expected: rowBytes * height, actual: pixels.count)
        }
        var out = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = [UInt8]()
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, colorType.pngCode, 0, 0, 0]  // bit depth, colour type, compression, filter, interlace
        appendChunk("IHDR", header, to: &out)

        // Each scanline is prefixed with filter type 0 (None).
        var raw = [UInt8]()
        raw.reserveCapacity((rowBytes + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw += pixels[(y * rowBytes)..<((y + 1) * rowBytes)]
        }
        appendChunk("IDAT", zlibStored(raw), to: &out)
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// A grayscale PNG from floating-point intensities, mapping `range` linearly onto 0...255 and clamping.
    package static func encodeGrayscale(width: Int, height: Int, values: [Float], range: ClosedRange<Float> = 0...1)
        throws(EncodingError) -> Data
    {
        let span = range.upperBound - range.lowerBound
        let pixels = values.map { v -> UInt8 in
            guard v.isFinite, span > 0 else { return 0 }
            let t = min(max((v - range.lowerBound) / span, 0), 1)
            return UInt8((t * 255).rounded())
        }
        return try encode(width: width, height: height, colorType: .grayscale, pixels: pixels)
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4) with its Adler-32 trailer.
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary; 0x7801 is divisible by 31
        let maxBlock = 65535
        var offset = 0
        repeat {
            let length = min(maxBlock, bytes.count - offset)
            let isFinal = offset + length >= bytes.count
            out.append(isFinal ? 1 : 0)
            out.append(UInt8(length & 0xFF))
            out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF))
            out.append(UInt8((~length >> 8) & 0xFF))
            out += bytes[offset..<(offset + length)]
            offset += length
        } while offset < bytes.count
        appendBigEndian(adler32(bytes), to: &out)
        return out
    }

    /// Adler-32 (RFC 1950 §8.2).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        // 5552 is the largest run that cannot overflow 32 bits before the modulo.
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)
            for i in index..<end {
                a &+= UInt32(bytes[i])
                b &+= a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return (b << 16) | a
    }

    /// CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320, reflected).
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }

    private static func appendChunk(_ type: String, _ body: [UInt8], to out: inout Data) {
        var length = [UInt8]()
        appendBigEndian(UInt32(body.count), to: &length)
        out.append(contentsOf: length)
        let typeBytes = Array(type.utf8)
        out.append(contentsOf: typeBytes)
        out.append(contentsOf: body)
        var crc = [UInt8]()
        appendBigEndian(crc32(typeBytes + body), to: &crc)
        out.append(contentsOf: crc)
    }

    private static func appendBigEndian(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
