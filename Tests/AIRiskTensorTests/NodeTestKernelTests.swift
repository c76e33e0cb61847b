import Testing

@testable import AIRiskTensor

/// The operators added for the ONNX node tests (issue 18): values beyond the node tests and the refusals.
@Suite("Quantization, Einsum, Det, windows, NonMaxSuppression, Loop")
struct NodeTestKernelTests {
    @Test("QuantizeLinear saturates to the zero point's type and refuses a zero point of unknown type")
    func quantize() throws {
        let x = Tensor(vector: [-300, -1.5, 0.5, 2.5, 300])
        let int8 = try TestSupport.run(
            "QuantizeLinear", [x, Tensor(scalar: 1), Tensor(int64Scalar: 0)], attributes: ["output_dtype": .int(3)])[0]
        #expect(int8.int64s == [-128, -2, 0, 2, 127])
        let uint8 = try TestSupport.run("QuantizeLinear", [x, Tensor(scalar: 1)])[0]
        #expect(uint8.int64s == [0, 0, 0, 2, 255])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("QuantizeLinear", [x, Tensor(scalar: 1), Tensor(int64Scalar: 0)])
        }
        let back = try TestSupport.run("DequantizeLinear", [int8, Tensor(scalar: 0.5), Tensor(int64Scalar: 2)])[0]
        #expect(back.floats == [-65, -2, -1, 0, 62.5])
    }

    @Test("Einsum: matrix product, trace and an implicit output")
    func einsum() throws {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [1, 0, 0, 1, 1, 1])
        let p = try TestSupport.run("Einsum", [a, b], attributes: ["equation": .string("ij,jk->ik")])[0]
        #expect(p.shape == [2, 2])
        #expect(p.floats == [4, 5, 10, 11])
        let square = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(try TestSupport.run("Einsum", [square], attributes: ["equation": .string("ii")])[0].floats == [5])
        #expect(throws: OperatorError.self) {
            try TestSupport.run("Einsum", [a, a], attributes: ["equation": .string("ij,jk->ik")])
        }
    }

    @Test("Det of batched matrices, singular ones included")
    func det() throws {
        let m = Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 2, 4, 1, 2])
        let d = try TestSupport.run("Det", [m])[0]
        #expect(d.shape == [2])
        #expect(TestSupport.close(d.floats ?? [], [-2, 0]))
    }

    @Test("Hann window: periodic and symmetric")
    func windows() throws {
        let periodic = try TestSupport.run("HannWindow", [Tensor(int64Scalar: 4)])[0]
        #expect(TestSupport.close(periodic.floats ?? [], [0, 0.5, 1, 0.5]))
        let symmetric = try TestSupport.run(
            "HannWindow", [Tensor(int64Scalar: 3)], attributes: ["periodic": .int(0)])[0]
        #expect(TestSupport.close(symmetric.floats ?? [], [0, 1, 0]))
    }

    @Test("NonMaxSuppression keeps the best of overlapping boxes, per class, up to the limit")
    func nms() throws {
        let boxes = Tensor(shape: [1, 3, 4], scalars: [0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, 2, 1, 3])
        let scores = Tensor(shape: [1, 1, 3], scalars: [0.8, 0.9, 0.3])
        let kept = try TestSupport.run(
            "NonMaxSuppression", [boxes, scores, Tensor(int64Scalar: 5), Tensor(scalar: 0.5)])[0]
        #expect(kept.shape == [2, 3])
        #expect(kept.int64s == [0, 0, 1, 0, 0, 2])
        let none = try TestSupport.run("NonMaxSuppression", [boxes, scores])[0]
        #expect(none.shape == [0, 3])
    }

    @Test("Loop threads a value through its trip count, stacks scan outputs, and stops a loop without end")
    func loop() throws {
        let body = Graph(
            name: "body",
            nodes: [
                Node(name: "c", opType: "Identity", inputs: ["cond"], outputs: ["cond_out"]),
                Node(name: "add", opType: "Add", inputs: ["v", "one"], outputs: ["v_out"]),
                Node(name: "scan", opType: "Identity", inputs: ["v_out"], outputs: ["scan_out"]),
            ],
            inputs: [
                ValueInfo(name: "i", elementType: "int64", shape: []),
                ValueInfo(name: "cond", elementType: "bool", shape: []),
                ValueInfo(name: "v", elementType: "float32", shape: nil),
            ],
            outputs: ["cond_out", "v_out", "scan_out"].map { ValueInfo(name: $0, elementType: nil, shape: nil) },
            initializers: ["one": Tensor(scalar: 1)])
        let out = try TestSupport.run(
            "Loop", [Tensor(int64Scalar: 3), Tensor(shape: [], bools: [true]), Tensor(vector: [0])], outputs: 2,
            attributes: ["body": .graph(body)])
        #expect(out[0].floats == [3])
        #expect(out[1].shape == [3, 1])
        #expect(out[1].floats == [1, 2, 3])
        do {
            _ = try TestSupport.run(
                "Loop", [nil, Tensor(shape: [], bools: [true]), Tensor(vector: [0])], outputs: 2,
                attributes: ["body": .graph(body)])
            Issue.record("a loop without trip count and an always-true condition returned")
        } catch {
            #expect("\(error)".contains("more than \(LoopKernel.maxIterations) iterations"))
        }
    }
}
