/// TEST-ONLY: writes protobuf wire format, to build valid and deliberately broken ONNX files.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func tag(_ field: Int, _ wireType: UInt8) { varint(UInt64(field) << 3 | UInt64(wireType)) }

    mutating func int(_ field: Int, _ value: Int64) {
        tag(field, 0)
        varint(UInt64(bitPattern: value))
    }

    mutating func bytes(_ field: Int, _ payload: [UInt8]) {
        tag(field, 2)
        varint(UInt64(payload.count))
        bytes += payload
    }

    mutating func string(_ field: Int, _ s: String) { bytes(field, Array(s.utf8)) }

    mutating func float(_ field: Int, _ value: Float) {
        tag(field, 5)
        let b = value.bitPattern
        for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: b >> (8 * UInt32(i)))) }
    }

    mutating func message(_ field: Int, _ build: (inout ProtoWriter) -> Void) {
        var sub = ProtoWriter()
        build(&sub)
        bytes(field, sub.bytes)
    }
}

/// TEST-ONLY: small ONNX models written field by field (field numbers from onnx.proto).
enum TestModels {
    /// ValueInfoProto for a float tensor with the given dims (nil entries are symbolic "N").
    static func tensorValue(_ w: inout ProtoWriter, name: String, elemType: Int64 = 1, dims: [Int?]) {
        w.string(1, name)
        w.message(2) { type in
            type.message(1) { tensor in
                tensor.int(1, elemType)
                tensor.message(2) { shape in
                    for d in dims {
                        shape.message(1) { dim in
                            if let d { dim.int(1, Int64(d)) } else { dim.string(2, "N") }
                        }
                    }
                }
            }
        }
    }

    /// A model Y = op(X) with one node; `extraGraph` can append fields to the GraphProto.
    static func singleNode(
        opType: String = "Relu", domain: String = "", nodeName: String = "the_node", opset: Int64 = 17,
        nodeInputs: [String] = ["X"], extraGraph: (inout ProtoWriter) -> Void = { _ in }
    ) -> [UInt8] {
        var m = ProtoWriter()
        m.int(1, 8)
        m.string(2, "airisk-tests")
        m.message(7) { g in
            g.message(1) { n in
                for i in nodeInputs { n.string(1, i) }
                n.string(2, "Y")
                n.string(3, nodeName)
                n.string(4, opType)
                if !domain.isEmpty { n.string(7, domain) }
            }
            g.string(2, "test_graph")
            g.message(11) { tensorValue(&$0, name: "X", dims: [nil, 3]) }
            g.message(12) { tensorValue(&$0, name: "Y", dims: [nil, 3]) }
            extraGraph(&g)
        }
        m.message(8) { o in
            o.string(1, "")
            o.int(2, opset)
        }
        if !domain.isEmpty {
            m.message(8) { o in
                o.string(1, domain)
                o.int(2, 1)
            }
        }
        return m.bytes
    }
}
