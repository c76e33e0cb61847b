import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskData

/// One entry of npy/manifest.json, written by scripts/make_data_fixtures.py with numpy.
struct ManifestEntry: Decodable, CustomTestStringConvertible {
    enum Values {
        case floatBits([UInt32])
        case ints([Int64])
        case bools([Bool])
    }

    var file: String
    var dtype: String
    var kind: String
    var shape: [Int]
    var values: Values

    var testDescription: String { file }

    enum CodingKeys: String, CodingKey { case file, dtype, kind, shape, values }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        dtype = try c.decode(String.self, forKey: .dtype)
        kind = try c.decode(String.self, forKey: .kind)
        shape = try c.decode([Int].self, forKey: .shape)
        switch kind {
        case "float": values = .floatBits(try c.decode([UInt32].self, forKey: .values))
        case "bool": values = .bools(try c.decode([Bool].self, forKey: .values))
        default: values = .ints(try c.decode([Int64].self, forKey: .values))
        }
    }

    static let all: [ManifestEntry] = {
        guard let data = try? Data(contentsOf: Fixtures.npy("manifest.json")),
            let entries = try? JSONDecoder().decode([ManifestEntry].self, from: data)
        else { return [] }
        return entries
    }()
}

@Suite("NPY reader")
struct NPYReaderTests {
    @Test("the manifest lists every dtype, order and byte order")
    func manifestCoverage() {
        let files = Set(ManifestEntry.all.map(\.file))
        #expect(ManifestEntry.all.count >= 44)
        for type in ["float16", "float32", "float64", "int16", "int32", "int64", "uint16", "uint32", "uint64"] {
            for order in ["le", "be"] {
                for layout in ["C", "F"] { #expect(files.contains("\(type)_\(order)_\(layout).npy")) }
            }
        }
        for type in ["int8", "uint8", "bool"] {
            for layout in ["C", "F"] { #expect(files.contains("\(type)_na_\(layout).npy")) }
        }
    }

    @Test("reads numpy's files with the values numpy wrote", arguments: ManifestEntry.all)
    func readsManifestEntry(_ entry: ManifestEntry) throws {
        let tensor = try NPYReader.read(contentsOf: Fixtures.npy(entry.file))
        #expect(tensor.shape == entry.shape)
        switch entry.values {
        case .floatBits(let bits):
            let floats = try #require(tensor.floats, "\(entry.file) should decode to float32")
            #expect(floats.map(\.bitPattern) == bits)
        case .ints(let ints):
            #expect(tensor.int64s == ints)
        case .bools(let bools):
            guard case .bool(let values) = tensor.storage else {
                Issue.record("\(entry.file) should decode to bool storage")
                return
            }
            #expect(values == bools)
        }
    }

    @Test("the in-memory reader agrees with the file reader")
    func readsFromData() throws {
        let url = Fixtures.npy("int16_be_F.npy")
        let fromData = try NPYReader.read(data: try Data(contentsOf: url), name: "int16_be_F.npy")
        #expect(fromData == (try NPYReader.read(contentsOf: url)))
    }

    @Test("half-precision conversion is exact for normal, subnormal and special values")
    func halfConversion() {
        #expect(NPYReader.halfToFloat(0x3C00) == 1)
        #expect(NPYReader.halfToFloat(0xC000) == -2)
        #expect(NPYReader.halfToFloat(0x7BFF) == 65504)
        #expect(NPYReader.halfToFloat(0x0001) == 0x1p-24)
        #expect(NPYReader.halfToFloat(0x7C00) == .infinity)
        #expect(NPYReader.halfToFloat(0x7E00).isNaN)
        #expect(NPYReader.halfToFloat(0x8000).sign == .minus)
    }

    @Test("Fortran-to-row-major reordering transposes every axis")
    func fortranReorder() {
        // Shape [2, 3]: column-major [a00, a10, a01, a11, a02, a12].
        #expect(NPYReader.fortranToRowMajor([0, 3, 1, 4, 2, 5], shape: [2, 3]) == [0, 1, 2, 3, 4, 5])
        #expect(NPYReader.fortranToRowMajor([7], shape: [1, 1, 1]) == [7])
        #expect(NPYReader.fortranToRowMajor([Int](), shape: [0, 3]) == [])
    }

    @Test(
        "malformed files are rejected with an error naming the file and the defect",
        arguments: [
            ("truncated.npy", "truncated"),
            ("trailing_bytes.npy", "unexpected bytes after"),
            ("bad_magic.npy", "magic"),
            ("bad_version.npy", "version 9.0"),
            ("too_short.npy", "only 7 bytes"),
            ("header_too_long.npy", "header length 60000"),
            ("header_past_end.npy", "ends before"),
            ("negative_dim.npy", "negative"),
            ("overflow_shape.npy", "overflows"),
            ("huge_shape.npy", "more than the limit"),
            ("missing_key.npy", "missing key 'fortran_order'"),
            ("extra_key.npy", "unexpected key 'evil'"),
            ("object_dtype.npy", "pickled"),
            ("structured_dtype.npy", "structured"),
            ("string_dtype.npy", "string arrays"),
            ("unterminated_dict.npy", "unterminated dictionary"),
            ("float_shape.npy", "expected an integer"),
            ("fortran_not_bool.npy", "'fortran_order' must be True or False"),
            ("code_injection.npy", "unexpected character '_'"),
            ("not_a_dict.npy", "not a dictionary"),
            ("uint64_overflow.npy", "beyond the int64 range"),
        ])
    func rejectsMalformed(_ name: String, _ expected: String) throws {
        let message = try #require(errorDescription { _ = try NPYReader.read(contentsOf: Fixtures.malformed(name)) })
        #expect(message.contains(name), "error should name the file: \(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test("an array over the configured byte ceiling is refused before reading its data")
    func byteCeiling() throws {
        let url = Fixtures.npy("float64_le_C.npy")  // 12 float64 = 96 bytes stored, 48 decoded
        let limits = DataLimits(maxArrayBytes: 95)
        let message = try #require(errorDescription { _ = try NPYReader.read(contentsOf: url, limits: limits) })
        #expect(message.contains("needs 96 bytes"))
        #expect(message.contains("float64_le_C.npy"))
        // The decoded size counts too: 12 int8 values become 96 bytes of Int64.
        #expect(throws: DataError.self) {
            _ = try NPYReader.read(contentsOf: Fixtures.npy("int8_na_C.npy"), limits: limits)
        }
        #expect(try NPYReader.read(contentsOf: url, limits: DataLimits(maxArrayBytes: 96)).count == 12)
    }

    @Test("a missing file is reported with its path")
    func missingFile() throws {
        let message = try #require(
            errorDescription {
                _ = try NPYReader.read(contentsOf: Fixtures.npy("does_not_exist.npy"))
            })
        #expect(message.contains("does_not_exist.npy"))
    }

    @Test("every header parse error is a DataError, for arbitrary truncations of a valid file")
    func truncationsNeverCrash() throws {
        let data = try Data(contentsOf: Fixtures.npy("float32_be_F.npy"))
        for length in 0..<data.count {
            #expect(throws: DataError.self) { _ = try NPYReader.read(data: data.prefix(length), name: "cut.npy") }
        }
    }

    @Test("seeded random corruptions of a header either read or fail with a DataError")
    func headerMutations() throws {
        let original = [UInt8](try Data(contentsOf: Fixtures.npy("int32_be_F.npy")))
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let headerEnd = 128
        var rejected = 0
        for _ in 0..<2000 {
            var bytes = original
            for _ in 0..<(1 + Int(next() % 3)) {
                bytes[Int(next() % UInt64(headerEnd))] = UInt8(truncatingIfNeeded: next())
            }
            do {
                _ = try NPYReader.read(data: Data(bytes), name: "mutated.npy")
            } catch is DataError {
                rejected += 1
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
        #expect(rejected > 1000)
    }
}
