import AIRiskONNX
import AIRiskTensor
import Foundation
import Testing

@Suite("TensorProto decoding")
struct ONNXTensorFileTests {
    struct Expected: Decodable {
        var shape: [Int]
        var values: [Double]?
        var strings: [String]?
    }

    @Test("every element type decodes from raw_data and from its typed field to the values numpy wrote")
    func elementTypes() throws {
        let dir = FixturePaths.fixtures.appendingPathComponent("tensors")
        let expected = try JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: dir.appendingPathComponent("expected.json")))
        try #require(expected.count >= 20)
        for (name, want) in expected {
            let (decodedName, tensor) = try ONNXTensorFile.load(contentsOf: dir.appendingPathComponent(name + ".pb"))
            #expect(decodedName == name)
            #expect(tensor.shape == want.shape, "\(name)")
            if let strings = want.strings {
                #expect(tensor.storage == .string(strings), "\(name)")
                continue
            }
            let values = try #require(want.values)
            switch tensor.storage {
            case .float(let v): #expect(v == values.map { Float($0) }, "\(name)")
            case .double(let v): #expect(v == values.map { Double($0) }, "\(name)")
            case .int64(let v): #expect(v == values.map { Int64($0) }, "\(name)")
            case .bool(let v): #expect(v == values.map { $0 != 0 }, "\(name)")
            case .string: Issue.record("\(name) decoded as strings")
            }
        }
    }

    @Test("raw_data shorter or longer than the dims need is rejected, naming the tensor")
    func rawDataSizeMismatch() {
        for (dims, bytes) in [([2, 3], 20), ([1000, 1000], 16), ([2], 12)] {
            var w = ProtoWriter()
            for d in dims { w.int(1, Int64(d)) }
            w.int(2, 1)
            w.string(8, "w")
            w.bytes(9, [UInt8](repeating: 0, count: bytes))
            #expect(throws: ONNXError.self) {
                try ONNXTensorFile.load(data: Data(w.bytes), fileName: "t.pb")
            }
            do {
                _ = try ONNXTensorFile.load(data: Data(w.bytes), fileName: "t.pb")
            } catch let error as ONNXError {
                #expect("\(error)".contains("raw_data holds \(bytes) bytes"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("unsupported element types and negative dims are rejected")
    func unsupported() {
        var complex = ProtoWriter()
        complex.int(1, 1)
        complex.int(2, 14)
        #expect(throws: ONNXError.unsupportedDataType(file: "c.pb", fieldPath: "TensorProto", dataType: "complex64")) {
            try ONNXTensorFile.load(data: Data(complex.bytes), fileName: "c.pb")
        }
        var negative = ProtoWriter()
        negative.int(1, -3)
        negative.int(2, 1)
        #expect(throws: ONNXError.self) { try ONNXTensorFile.load(data: Data(negative.bytes), fileName: "n.pb") }
    }

    @Test("float16 decoding covers subnormals, infinities and NaN")
    func halfPrecision() throws {
        var w = ProtoWriter()
        w.int(1, 5)
        w.int(2, 10)
        var raw: [UInt8] = []
        for h: UInt16 in [0x0001, 0x3c00, 0xfc00, 0x7e00, 0x8000] { raw += [UInt8(h & 0xff), UInt8(h >> 8)] }
        w.bytes(9, raw)
        let v = try #require(try ONNXTensorFile.load(data: Data(w.bytes), fileName: "h.pb").tensor.floats)
        #expect(v[0] == Float(5.9604645e-08))
        #expect(v[1] == 1)
        #expect(v[2] == -.infinity)
        #expect(v[3].isNaN)
        #expect(v[4] == 0 && v[4].sign == .minus)
    }
}
