import Foundation
import Testing

@testable import AIRiskONNX

/// Huge or negative declared shapes, initializers larger than the file, oversized files and deeply
/// nested subgraphs all fail fast with an ``ONNXError`` naming the ceiling, without allocating.
@Suite("ONNX resource limits")
struct ONNXLimitsTests {
    /// A model with one Relu node and one float initializer "W" built by `tensor`.
    func modelWithInitializer(_ tensor: @escaping (inout ProtoWriter) -> Void) -> Data {
        Data(
            TestModels.singleNode(nodeInputs: ["X", "W"]) { g in
                g.message(5) { t in
                    t.string(8, "W")
                    tensor(&t)
                }
            })
    }

    func loadError(_ data: Data, limits: ONNXLimits = .standard) -> ONNXError? {
        do {
            _ = try ONNXModel.load(data: data, fileName: "hostile.onnx", checkOperators: false, limits: limits)
            Issue.record("the model loaded")
        } catch let error as ONNXError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
        return nil
    }

    @Test("an initializer declaring 2^60 floats is refused before any allocation")
    func hugeDims() throws {
        let data = modelWithInitializer { t in
            t.int(1, 1 << 30)
            t.int(1, 1 << 30)
            t.int(2, 1)
        }
        let error = try #require(loadError(data))
        guard case .tooLarge(let file, let what, let bytes, let limit) = error else {
            Issue.record("expected tooLarge, got \(error)")
            return
        }
        #expect(file == "hostile.onnx")
        #expect(what.contains("'W'"))
        #expect(bytes == (1 << 60) * 4)
        #expect(limit == ONNXLimits.standard.maxTensorBytes)
        #expect("\(error)".contains("ONNXLimits"))
    }

    @Test("dims whose product overflows, and negative dims, are invalid tensors")
    func overflowAndNegativeDims() throws {
        let overflow = modelWithInitializer { t in
            for _ in 0..<3 { t.int(1, Int64.max / 4) }
            t.int(2, 1)
        }
        let e1 = try #require(loadError(overflow))
        #expect("\(e1)".contains("'W'") && "\(e1)".contains("more elements than memory can hold"))

        let negative = modelWithInitializer { t in
            t.int(1, -4)
            t.int(2, 1)
            t.bytes(9, [])
        }
        let e2 = try #require(loadError(negative))
        guard case .invalidTensor(_, let path, let reason) = e2 else {
            Issue.record("expected invalidTensor, got \(e2)")
            return
        }
        #expect(path.contains("'W'") && reason.contains("negative dimension -4"))
    }

    @Test("raw_data whose length prefix claims more than the file holds is malformed")
    func initializerLargerThanFile() throws {
        var bytes = [UInt8](
            modelWithInitializer { t in
                t.int(1, 256)
                t.int(2, 1)
            })
        // Append a raw_data field claiming 1 GiB with only 16 bytes behind it.
        var tail = ProtoWriter()
        tail.tag(5, 2)  // GraphProto.initializer, itself claiming 1 GiB + 8 bytes
        tail.varint((1 << 30) + 8)
        tail.string(8, "V")
        tail.tag(9, 2)
        tail.varint(1 << 30)
        tail.bytes += [UInt8](repeating: 0, count: 16)
        var graphTail = ProtoWriter()
        graphTail.bytes(7, tail.bytes)
        bytes += graphTail.bytes
        let error = try #require(loadError(Data(bytes)))
        guard case .malformed(_, let path, let reason) = error else {
            Issue.record("expected malformed, got \(error)")
            return
        }
        #expect(path.hasPrefix("ModelProto.graph"))
        #expect(reason.contains("runs past the end"))
    }

    @Test("a genuine tensor above a lowered maxTensorBytes is refused; at the limit it loads")
    func tensorByteCeiling() throws {
        let data = modelWithInitializer { t in
            t.int(1, 1)
            t.int(1, 3)
            t.int(2, 1)
            t.bytes(9, [UInt8](repeating: 0, count: 12))
        }
        let error = try #require(loadError(data, limits: ONNXLimits(maxTensorBytes: 11)))
        guard case .tooLarge(_, _, let bytes, let limit) = error else {
            Issue.record("expected tooLarge, got \(error)")
            return
        }
        #expect(bytes == 12 && limit == 11)
        let model = try ONNXModel.load(
            data: data, fileName: "ok.onnx", checkOperators: false, limits: ONNXLimits(maxTensorBytes: 12))
        #expect(model.graph.initializers["W"]?.shape == [1, 3])
    }

    @Test("a file above maxFileBytes is refused, from memory and from disk")
    func fileCeiling() throws {
        let data = Data(TestModels.singleNode())
        let limits = ONNXLimits(maxFileBytes: UInt64(data.count - 1))
        let e1 = try #require(loadError(data, limits: limits))
        #expect("\(e1)".contains("the model file needs \(data.count) bytes"))

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-limit-\(UUID()).onnx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ONNXModel.load(contentsOf: url, checkOperators: false, limits: limits)
        } throws: { error in
            guard case ONNXError.tooLarge(let file, _, _, _) = error else { return false }
            return file == url.path
        }
        _ = try ONNXModel.load(contentsOf: url, checkOperators: false)
    }

    /// A model whose graph holds an If node whose then_branch holds an If node … `levels` deep.
    func nestedIfModel(levels: Int) -> Data {
        func graph(_ level: Int) -> [UInt8] {
            var g = ProtoWriter()
            if level > 0 {
                g.message(1) { n in
                    n.string(1, "C")
                    n.string(2, "Y\(level)")
                    n.string(4, "If")
                    n.message(5) { a in
                        a.string(1, "then_branch")
                        a.int(20, 5)
                        a.bytes(6, graph(level - 1))
                    }
                }
            }
            g.string(2, "body\(level)")
            return g.bytes
        }
        var m = ProtoWriter()
        m.int(1, 8)
        m.message(7) { g in
            g.message(1) { n in
                n.string(1, "C")
                n.string(2, "Y")
                n.string(4, "If")
                n.message(5) { a in
                    a.string(1, "then_branch")
                    a.int(20, 5)
                    a.bytes(6, graph(levels - 1))
                }
            }
            g.message(11) { TestModels.tensorValue(&$0, name: "C", elemType: 9, dims: []) }
            g.message(12) { TestModels.tensorValue(&$0, name: "Y", dims: [1]) }
        }
        m.message(8) { o in
            o.string(1, "")
            o.int(2, 17)
        }
        return Data(m.bytes)
    }

    @Test("subgraphs nested beyond maxSubgraphDepth are refused naming the place; within it they load")
    func subgraphDepth() throws {
        let deep = nestedIfModel(levels: 20)
        let error = try #require(loadError(deep))
        guard case .nestedTooDeeply(let file, let path, let limit) = error else {
            Issue.record("expected nestedTooDeeply, got \(error)")
            return
        }
        #expect(file == "hostile.onnx" && limit == 16)
        #expect(path.contains("node[0].attribute[0].g"))
        let model = try ONNXModel.load(
            data: deep, fileName: "deep.onnx", checkOperators: false, limits: ONNXLimits(maxSubgraphDepth: 20))
        #expect(model.operators.first?.opType == "If")
        #expect(model.operators.first?.nodeCount == 20)
    }

    @Test("protobuf message nesting obeys a lowered maxMessageDepth")
    func messageDepth() throws {
        let data = nestedIfModel(levels: 3)
        _ = try ONNXModel.load(data: data, fileName: "ok.onnx", checkOperators: false)
        let error = try #require(loadError(data, limits: ONNXLimits(maxMessageDepth: 5)))
        #expect("\(error)".contains("nested more than 5 levels deep"))
    }
}
