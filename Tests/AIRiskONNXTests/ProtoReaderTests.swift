import Foundation
import Testing

@testable import AIRiskONNX

@Suite("Protobuf wire-format reader")
struct ProtoReaderTests {
    func malformed(_ bytes: [UInt8]) -> (path: String, reason: String)? {
        do {
            _ = try ONNXModel.load(data: Data(bytes), fileName: "bad.onnx", checkOperators: false)
        } catch ONNXError.malformed(let file, let path, let reason) {
            #expect(file == "bad.onnx")
            return (path, reason)
        } catch {
            Issue.record("expected a malformed-protobuf error, got \(error)")
        }
        return nil
    }

    @Test("decodes varints of every length, including negative int64 values")
    func varints() throws {
        for value: Int64 in [0, 1, 127, 128, 300, 1 << 35, Int64.max, -1, Int64.min] {
            var w = ProtoWriter()
            w.int(1, value)
            var r = ProtoReader(bytes: w.bytes, path: "M")
            let (field, wire) = try r.readTag()
            #expect(field == 1)
            #expect(try r.int64(wire, "f") == value)
            #expect(r.isAtEnd)
        }
    }

    @Test("reads packed and unpacked repeated fields alike")
    func repeatedFields() throws {
        var w = ProtoWriter()
        w.int(1, 2)
        w.int(1, 3)
        var packed = ProtoWriter()
        packed.varint(4)
        packed.varint(UInt64(bitPattern: -5))
        w.bytes(1, packed.bytes)
        w.float(4, 1.5)
        var floats = ProtoWriter()
        for f: Float in [2.5, -3] { floats.bytes += withUnsafeBytes(of: f.bitPattern.littleEndian, Array.init) }
        w.bytes(4, floats.bytes)
        w.int(2, 1)
        var r = ProtoReader(bytes: w.bytes, path: "TensorProto")
        let t = try TensorProto(from: &r)
        #expect(t.dims == [2, 3, 4, -5])
        #expect(t.floatData == [1.5, 2.5, -3])
    }

    @Test("a varint longer than ten bytes is rejected with the field path")
    func badVarint() {
        let bytes: [UInt8] = [0x08] + [UInt8](repeating: 0xff, count: 11)
        let e = malformed(bytes)
        #expect(e?.path == "ModelProto.ir_version")
        #expect(e?.reason.contains("varint") == true)
    }

    @Test("a varint cut off by the end of the file is rejected")
    func truncatedVarint() {
        let e = malformed([0x08, 0x80, 0x80])
        #expect(e?.reason.contains("truncated varint") == true)
    }

    @Test("a field with the wrong wire type is rejected, naming the field and both types")
    func wrongWireType() {
        let e = malformed([0x0a, 0x01, 0x00])  // ir_version (varint) sent as length-delimited
        #expect(e?.path == "ModelProto.ir_version")
        #expect(e?.reason == "wrong wire type length-delimited, expected varint")
    }

    @Test("a length prefix running past the end of the file is rejected")
    func lengthBeyondEnd() {
        let e = malformed([0x3a, 0x64, 0x0a, 0x00, 0x00])  // graph: 100 bytes announced, 3 present
        #expect(e?.path == "ModelProto.graph")
        #expect(e?.reason.contains("runs past the end") == true)
    }

    @Test("errors deep inside the graph name the full field path")
    func nestedPath() {
        var m = ProtoWriter()
        m.message(7) { g in
            g.message(1) { n in n.string(4, "Relu") }
            g.message(1) { n in
                n.tag(4, 2)
                n.varint(50)  // op_type longer than the node message
            }
        }
        let e = malformed(m.bytes)
        #expect(e?.path == "ModelProto.graph.node[1].op_type")
    }

    @Test("deprecated group wire types and field number zero are rejected")
    func groupsAndFieldZero() {
        #expect(malformed([0x0b])?.reason.contains("wire type 3") == true)
        #expect(malformed([0x00, 0x01])?.reason.contains("field number 0") == true)
    }

    @Test("absurdly deep nesting is an error, not a stack overflow")
    func deepNesting() {
        var payload: [UInt8] = []
        for _ in 0..<200 {  // graph → node → attribute → g → node → …
            var w = ProtoWriter()
            w.bytes(6, payload)  // AttributeProto.g
            var node = ProtoWriter()
            node.bytes(5, w.bytes)  // NodeProto.attribute
            var graph = ProtoWriter()
            graph.bytes(1, node.bytes)  // GraphProto.node
            payload = graph.bytes
        }
        var m = ProtoWriter()
        m.bytes(7, payload)
        #expect(malformed(m.bytes)?.reason.contains("nested more than") == true)
    }

    @Test("every truncation of a real model file is rejected with an ONNXError")
    func truncations() throws {
        let bytes = [UInt8](try Data(contentsOf: FixturePaths.models.appendingPathComponent("forest_iris.onnx")))
        var malformedCount = 0
        for length in stride(from: 0, to: bytes.count - 100, by: 3) {
            do {
                _ = try ONNXModel.load(data: Data(bytes[0..<length]), fileName: "cut.onnx", checkOperators: false)
                Issue.record("a model cut to \(length) of \(bytes.count) bytes loaded")
            } catch let error as ONNXError {
                if case .malformed = error { malformedCount += 1 }
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        #expect(malformedCount > 500)
    }

    @Test("random byte flips never crash the reader")
    func byteFlips() throws {
        let original = [UInt8](
            try Data(contentsOf: FixturePaths.models.appendingPathComponent("logreg_iris_zipmap.onnx")))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // SplitMix64, fixed seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var rejected = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<3 { bytes[Int(next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: next()) }
            do {
                _ = try ONNXModel.load(data: Data(bytes), fileName: "flipped.onnx", checkOperators: false)
            } catch is ONNXError {
                rejected += 1
            }
        }
        #expect(rejected > 0)
    }
}
