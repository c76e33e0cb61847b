import AIRiskTensor
import Foundation
import Testing

@testable import AIRiskONNX

@Suite("ONNX model loading")
struct ONNXModelTests {
    func load(_ name: String) throws -> ONNXModel {
        try ONNXModel.load(
            contentsOf: FixturePaths.models.appendingPathComponent(name + ".onnx"), checkOperators: false)
    }

    func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: FixturePaths.models.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(
        "metadata, nodes, initializers and signatures match what the onnx Python package reads",
        arguments: [
            "forest_iris", "logreg_iris_zipmap",
        ])
    func roundTrip(name: String) throws {
        let model = try load(name)
        let s = try json(name + ".summary.json")
        #expect(model.irVersion == s["ir_version"] as? Int64 ?? Int64(s["ir_version"] as? Int ?? -1))
        #expect(model.producerName == s["producer_name"] as? String)
        #expect(model.producerVersion == "fixture")
        #expect(model.docString == "airisk fixture \(name)")
        #expect(model.graph.name == s["graph_name"] as? String)
        let opsets = try #require(s["opset_import"] as? [String: Int])
        #expect(model.opsetImports == opsets)
        let props = try #require(s["metadata_props"] as? [String: String])
        #expect(Dictionary(uniqueKeysWithValues: model.metadataProps.map { ($0.key, $0.value) }) == props)

        let nodes = try #require(s["nodes"] as? [[String: Any]])
        #expect(model.graph.nodes.count == nodes.count)
        for (node, want) in zip(model.graph.nodes, nodes) {
            #expect(node.name == want["name"] as? String)
            #expect(node.opType == want["op_type"] as? String)
            #expect(node.domain == want["domain"] as? String)
            #expect(node.inputs == want["inputs"] as? [String])
            #expect(node.outputs == want["outputs"] as? [String])
            #expect(node.attributes.keys.sorted() == want["attributes"] as? [String])
        }
        let initializers = try #require(s["initializers"] as? [String: [Int]])
        #expect(model.graph.initializers.mapValues(\.shape) == initializers)

        let inputs = try #require(s["inputs"] as? [String: [String: Any]])
        #expect(model.graph.inputs.map(\.name).sorted() == inputs.keys.sorted())
        for input in model.graph.inputs {
            let dims = try #require(inputs[input.name]?["dims"] as? [Any])
            #expect(input.shape?.count == dims.count)
            #expect(input.shape?.last == .fixed(4))
            #expect(input.shape?.first == .unknown)
            #expect(input.elementType == "float32")
        }
        let outputs = try #require(s["outputs"] as? [String: [String: Any]])
        #expect(model.outputs.map(\.name).sorted() == outputs.keys.sorted())
    }

    @Test("a pure tree-ensemble model runs and matches onnxruntime to 1e-5")
    func forestOutputs() throws {
        let model = try load("forest_iris")
        try model.checkOperatorSupport()  // every ai.onnx.ml operator is registered
        let e = try json("forest_iris.expected.json")
        let rows = try #require(e["input"] as? [[Double]])
        let x = Tensor(shape: [rows.count, 4], scalars: rows.flatMap { $0.map { Float($0) } })
        let out = try ConformanceHarness.execute(model.graph, inputs: ["X": x])
        #expect(out["label"]?.int64s == (e["label"] as? [Int])?.map { Int64($0) })
        let probabilities = try #require(out["probabilities"]?.floats)
        let want = try #require(e["probabilities"] as? [[Double]]).flatMap { $0 }
        #expect(probabilities.count == want.count)
        for (a, b) in zip(probabilities, want) { #expect(abs(Double(a) - b) <= 1e-5 * max(1, abs(b))) }
    }

    @Test("ZipMap outputs are reported as seq(map) and delivered as the probability tensor")
    func zipMapPassThrough() throws {
        let model = try load("logreg_iris_zipmap")
        let probability = try #require(model.outputs.first { $0.name == "output_probability" })
        #expect(probability.declaredType.description == "seq(map(int64, tensor(float32)[unknown shape]))")
        #expect(probability.zipMapClassLabels == .int64([0, 1, 2]))
        let lowered = try #require(model.graph.outputs.first { $0.name == "output_probability" })
        #expect(lowered.elementType == "float32")
        #expect(lowered.shape == [.unknown, .fixed(3)])

        let unregistered = model.unsupportedOperators { domain, op in
            ConformanceHarness.isRegistered(domain, op)
        }
        try #require(unregistered.isEmpty, "not registered: \(unregistered.map(\.qualifiedName))")
        let e = try json("logreg_iris_zipmap.expected.json")
        let rows = try #require(e["input"] as? [[Double]])
        let x = Tensor(shape: [rows.count, 4], scalars: rows.flatMap { $0.map { Float($0) } })
        let out = try ConformanceHarness.execute(model.graph, inputs: ["X": x])
        let p = try #require(out["output_probability"]?.floats)
        let want = try #require(e["output_probability"] as? [[Double]]).flatMap { $0 }
        #expect(p.count == want.count)
        for (a, b) in zip(p, want) { #expect(abs(Double(a) - b) <= 1e-5 * max(1, abs(b))) }
    }

    @Test("an unsupported operator fails naming the operator, its domain and the node")
    func unsupportedOperator() throws {
        let bytes = TestModels.singleNode(opType: "FancyOp", domain: "com.example", nodeName: "fancy_1")
        let model = try ONNXModel.load(data: Data(bytes), fileName: "fancy.onnx", checkOperators: false)
        #expect(
            model.operators == [
                ONNXOperatorUse(domain: "com.example", opType: "FancyOp", nodeCount: 1, firstNode: "fancy_1")
            ])
        do {
            try model.checkOperatorSupport { _, op in op != "FancyOp" }
            Issue.record("FancyOp was accepted")
        } catch let error as ONNXError {
            #expect(
                error
                    == .unsupportedOperator(
                        file: "fancy.onnx", opType: "FancyOp", domain: "com.example", node: "fancy_1"))
            let message =
                "fancy.onnx: operator FancyOp (domain 'com.example') used by node 'fancy_1' is not supported by airisk"
            #expect("\(error)" == message)
        }
        // The default check asks the kernel registry, which has no such operator.
        #expect(
            throws: ONNXError.unsupportedOperator(
                file: "fancy.onnx", opType: "FancyOp", domain: "com.example", node: "fancy_1")
        ) {
            try ONNXModel.load(data: Data(bytes), fileName: "fancy.onnx")
        }
    }

    @Test("opsets outside 1–25 are rejected with the supported range")
    func opsetRange() throws {
        for opset: Int64 in [0, 26] {
            #expect(throws: ONNXError.unsupportedOpset(file: "m.onnx", domain: "", version: opset, supported: 9...25)) {
                try ONNXModel.load(
                    data: Data(TestModels.singleNode(opset: opset)), fileName: "m.onnx", checkOperators: false)
            }
        }
        let ok = try ONNXModel.load(
            data: Data(TestModels.singleNode(opset: 13)), fileName: "m.onnx", checkOperators: false)
        #expect(ok.opsetImports == ["": 13])
        #expect(ok.graph.inputs == [ValueInfo(name: "X", elementType: "float32", shape: [.symbolic("N"), .fixed(3)])])
    }

    @Test("opsets 1–8 load only operators whose semantics match the engine's, else an error names operator and opset")
    func legacyOpsets() throws {
        let relu8 = try ONNXModel.load(
            data: Data(TestModels.singleNode(opset: 8)), fileName: "m.onnx", checkOperators: false)
        #expect(relu8.opsetImports == ["": 8])
        // Relu of opset 1–5 had `consumed_inputs`; BatchNormalization before 9 had `spatial` / `is_test`.
        for (opType, opset): (String, Int64) in [("Relu", 5), ("BatchNormalization", 8), ("Add", 6), ("Scan", 8)] {
            do {
                _ = try ONNXModel.load(
                    data: Data(TestModels.singleNode(opType: opType, opset: opset)), fileName: "m.onnx",
                    checkOperators: false)
                Issue.record("\(opType) at opset \(opset) loaded")
            } catch let error as ONNXError {
                guard case .unsupportedFeature(_, let feature) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(feature.contains("operator \(opType) at ai.onnx opset \(opset) (node 'the_node')"))
                #expect(feature.contains("re-export the model with opset 9 or later"))
            }
        }
    }

    @Test("a node reading a value nobody produces is rejected, naming node and value")
    func undeclaredInput() {
        let bytes = TestModels.singleNode(nodeInputs: ["X", "ghost"])
        do {
            _ = try ONNXModel.load(data: Data(bytes), fileName: "g.onnx", checkOperators: false)
            Issue.record("loaded")
        } catch {
            #expect("\(error)".contains("node 'the_node' (Relu) reads 'ghost'"))
        }
    }

    @Test("an initializer whose data does not fit its dims is rejected, naming the initializer")
    func truncatedInitializer() {
        let bytes = TestModels.singleNode(nodeInputs: ["X", "W"]) { g in
            g.message(5) { t in
                t.int(1, 1000)
                t.int(1, 1000)
                t.int(2, 1)
                t.string(8, "W")
                t.bytes(9, [UInt8](repeating: 0, count: 64))
            }
        }
        do {
            _ = try ONNXModel.load(data: Data(bytes), fileName: "w.onnx", checkOperators: false)
            Issue.record("loaded")
        } catch let error as ONNXError {
            guard case .invalidTensor(let file, let path, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(file == "w.onnx")
            #expect(path.contains("initializer[0]") && path.contains("'W'"))
            #expect(reason.contains("raw_data holds 64 bytes"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("an initializer disagreeing with its graph-input declaration is rejected")
    func initializerShapeMismatch() {
        let bytes = TestModels.singleNode(nodeInputs: ["X", "W"]) { g in
            g.message(5) { t in
                t.int(1, 2)
                t.int(2, 1)
                t.string(8, "W")
                t.float(4, 1)
                t.float(4, 2)
            }
            g.message(11) { TestModels.tensorValue(&$0, name: "W", dims: [3]) }
        }
        #expect(throws: ONNXError.self) {
            try ONNXModel.load(data: Data(bytes), fileName: "w.onnx", checkOperators: false)
        }
    }

    @Test("nodes listed out of order are sorted topologically; cycles are rejected")
    func topologicalOrder() throws {
        var m = ProtoWriter()
        m.message(7) { g in
            g.message(1) { n in
                n.string(1, "H")
                n.string(2, "Y")
                n.string(4, "Relu")
            }
            g.message(1) { n in
                n.string(1, "X")
                n.string(2, "H")
                n.string(4, "Neg")
            }
            g.message(11) { TestModels.tensorValue(&$0, name: "X", dims: [2]) }
            g.message(12) { TestModels.tensorValue(&$0, name: "Y", dims: [2]) }
        }
        m.message(8) { $0.int(2, 17) }
        let model = try ONNXModel.load(data: Data(m.bytes), fileName: "o.onnx", checkOperators: false)
        #expect(model.graph.nodes.map(\.opType) == ["Neg", "Relu"])
        #expect(model.graph.nodes.map(\.name) == ["Neg#1", "Relu#0"])

        var cyclic = ProtoWriter()
        cyclic.message(7) { g in
            g.message(1) { n in
                n.string(1, "X"); n.string(1, "B"); n.string(2, "A"); n.string(4, "Add")
            }
            g.message(1) { n in
                n.string(1, "A"); n.string(2, "B"); n.string(4, "Relu")
            }
            g.message(11) { TestModels.tensorValue(&$0, name: "X", dims: [2]) }
            g.message(12) { TestModels.tensorValue(&$0, name: "B", dims: [2]) }
        }
        cyclic.message(8) { $0.int(2, 17) }
        do {
            _ = try ONNXModel.load(data: Data(cyclic.bytes), fileName: "c.onnx", checkOperators: false)
            Issue.record("a cyclic graph loaded")
        } catch {
            #expect("\(error)".contains("cycle"))
        }
    }

    @Test("attributes of every kind are lowered")
    func attributes() throws {
        var m = ProtoWriter()
        m.message(7) { g in
            g.message(1) { n in
                n.string(1, "X")
                n.string(2, "Y")
                n.string(4, "Custom")
                n.message(5) { a in
                    a.string(1, "f"); a.int(20, 1); a.float(2, 0.5)
                }
                n.message(5) { a in
                    a.string(1, "i"); a.int(20, 2); a.int(3, -7)
                }
                n.message(5) { a in
                    a.string(1, "s"); a.int(20, 3); a.string(4, "hi")
                }
                n.message(5) { a in
                    a.string(1, "zero"); a.int(20, 1)
                }  // proto3 omits a 0.0 value
                n.message(5) { a in
                    a.string(1, "fs"); a.int(20, 6); a.float(7, 1); a.float(7, 2)
                }
                n.message(5) { a in
                    a.string(1, "is"); a.int(20, 7); a.int(8, 3); a.int(8, 4)
                }
                n.message(5) { a in
                    a.string(1, "ss"); a.int(20, 8); a.string(9, "a"); a.string(9, "b")
                }
                n.message(5) { a in
                    a.string(1, "t")
                    a.int(20, 4)
                    a.message(5) { t in
                        t.int(1, 2); t.int(2, 7); t.int(7, 5); t.int(7, 6)
                    }
                }
            }
            g.message(11) { TestModels.tensorValue(&$0, name: "X", dims: [2]) }
            g.message(12) { TestModels.tensorValue(&$0, name: "Y", dims: [2]) }
        }
        m.message(8) { $0.int(2, 17) }
        let model = try ONNXModel.load(data: Data(m.bytes), fileName: "a.onnx", checkOperators: false)
        let a = try #require(model.graph.nodes.first?.attributes)
        guard case .float(let f)? = a["f"], case .int(let i)? = a["i"], case .string(let s)? = a["s"],
            case .float(let zero)? = a["zero"], case .floats(let fs)? = a["fs"], case .ints(let ints)? = a["is"],
            case .strings(let ss)? = a["ss"], case .tensor(let t)? = a["t"]
        else {
            Issue.record("attribute kinds: \(a)")
            return
        }
        #expect(f == 0.5 && i == -7 && s == "hi" && zero == 0)
        #expect(fs == [1, 2] && ints == [3, 4] && ss == ["a", "b"])
        #expect(t == Tensor(shape: [2], int64: [5, 6]))
        #expect(model.parameterCount == 0)
    }

    @Test("a file that is not a model gives an actionable error")
    func notAModel() {
        #expect(throws: ONNXError.missingGraph(file: "empty.onnx")) {
            try ONNXModel.load(data: Data(), fileName: "empty.onnx")
        }
        #expect(throws: ONNXError.self) {
            try ONNXModel.load(contentsOf: URL(fileURLWithPath: "/nonexistent/model.onnx"))
        }
    }
}
