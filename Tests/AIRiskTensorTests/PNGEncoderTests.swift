import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskTensor

@Suite("PNG encoder")
struct PNGEncoderTests {
    @Test("CRC-32 and Adler-32 match their published check values")
    func checksums() {
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(PNGEncoder.adler32([]) == 1)
    }

    @Test(
        "a stored zlib stream longer than one block splits into blocks that inflate back",
        .enabled(if: Self.pythonAvailable, "python3 is not on PATH"))
    func storedBlocks() throws {
        let bytes = (0..<140_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let stream = PNGEncoder.zlibStored(bytes)
        // Header, 3 blocks of 5-byte headers, payload, 4-byte Adler-32.
        #expect(stream.count == 2 + 3 * 5 + bytes.count + 4)
        let inflated = try Self.python(
            "import sys,zlib; d=zlib.decompress(sys.stdin.buffer.read()); sys.stdout.write(str(len(d))+' '+str(sum(d)))",
            input: Data(stream))
        #expect(inflated == "\(bytes.count) \(bytes.reduce(0) { $0 + Int($1) })")
    }

    @Test(
        "grayscale and RGB images decode to the same pixels with Python's zlib and PNG chunk checks",
        .enabled(if: Self.pythonAvailable, "python3 is not on PATH"))
    func decodesInPython() throws {
        let gray: [UInt8] = (0..<(5 * 3)).map { UInt8($0 * 17) }
        let rgb: [UInt8] = (0..<(4 * 2 * 3)).map { UInt8(255 - $0 * 10) }
        for (data, width, channels, pixels) in [
            (try PNGEncoder.encode(width: 5, height: 3, colorType: .grayscale, pixels: gray), 5, 1, gray),
            (try PNGEncoder.encode(width: 4, height: 2, colorType: .rgb, pixels: rgb), 4, 3, rgb),
        ] {
            let decoded = try Self.python(Self.decoder, input: data)
            let expected =
                "\(width) \(pixels.count / (width * channels)) \(channels == 1 ? 0 : 2) "
                + pixels.map(String.init).joined(separator: ",")
            #expect(decoded == expected)
        }
    }

    @Test(
        "float intensities map onto 0...255 with clamping", .enabled(if: Self.pythonAvailable, "python3 is not on PATH")
    )
    func floatMapping() throws {
        let data = try PNGEncoder.encodeGrayscale(width: 4, height: 1, values: [-1, 0, 0.5, 2])
        let decoded = try Self.python(Self.decoder, input: data)
        #expect(decoded == "4 1 0 0,0,128,255")
    }

    @Test("wrong buffer sizes and dimensions are refused with an explanation")
    func refusesBadInput() {
        #expect(throws: PNGEncoder.EncodingError.pixelCountMismatch(expected: 6, actual: 5)) {
            try PNGEncoder.encode(width: 2, height: 3, colorType: .grayscale, pixels: [0, 0, 0, 0, 0])
        }
        #expect(throws: PNGEncoder.EncodingError.invalidDimensions(width: 0, height: 3)) {
            try PNGEncoder.encode(width: 0, height: 3, colorType: .rgb, pixels: [])
        }
    }

    /// Parses the PNG on stdin, checking signature and every chunk CRC; prints "w h colortype pixels".
    static let decoder = """
        import sys, zlib, struct
        d = sys.stdin.buffer.read()
        assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        i, idat, hdr = 8, b'', None
        while i < len(d):
            n, = struct.unpack('>I', d[i:i+4]); t = d[i+4:i+8]; body = d[i+8:i+8+n]
            crc, = struct.unpack('>I', d[i+8+n:i+12+n])
            assert zlib.crc32(t + body) == crc, t
            if t == b'IHDR': hdr = struct.unpack('>IIBBBBB', body)
            if t == b'IDAT': idat += body
            i += 12 + n
        w, h, depth, ct = hdr[0], hdr[1], hdr[2], hdr[3]
        raw = zlib.decompress(idat)
        ch = 1 if ct == 0 else 3
        px = []
        for y in range(h):
            row = raw[y*(w*ch+1):(y+1)*(w*ch+1)]
            assert row[0] == 0
            px += list(row[1:])
        sys.stdout.write('%d %d %d %s' % (w, h, ct, ','.join(map(str, px))))
        """

    /// Whether `python3` runs; the external-decoder tests are enabled only then.
    static let pythonAvailable = TestEnvironment.pythonImports("zlib")

    /// Runs a Python snippet with `input` on its standard input and returns its standard output.
    static func python(_ code: String, input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the Python decoder rejected the PNG")
        return String(decoding: output, as: UTF8.self)
    }
}
