import Testing

@testable import AIRiskTensor

@Suite("Kernels that declare their attributes")
struct AttributedKernelTests {
    private func node(_ op: String, _ attributes: [String: AttributeValue]) -> Node {
        Node(name: "n1", opType: op, inputs: ["x"], outputs: ["y"], attributes: attributes)
    }

    /// The attribute and reason of an `invalidAttribute` error for node n1 of `opType`, nil for any other error.
    private func rejection(_ error: any Error, _ opType: String) -> (attribute: String, reason: String)? {
        guard case OperatorError.invalidAttribute("n1", opType, let attribute, let reason) = error else { return nil }
        return (attribute, reason)
    }

    @Test("Attributes the node sets are read; the others keep their declared defaults")
    func readsAndDefaults() throws {
        let gemm = try GemmKernel(node: node("Gemm", ["beta": .float(0.5), "transB": .int(1)]), opset: 13)
        #expect(gemm.alpha == 1 && gemm.beta == 0.5 && !gemm.transA && gemm.transB)
        #expect(gemm.ctx.name == "n1" && gemm.ctx.opType == "Gemm")
        // An integer where a float is expected is taken, as NodeAttributes reads it.
        #expect(try GemmKernel(node: node("Gemm", ["alpha": .int(2)]), opset: 13).alpha == 2)
        // A second kernel starts from the declared defaults again.
        #expect(try GemmKernel(node: node("Gemm", [:]), opset: 13).beta == 1)
    }

    @Test("A property reads the attribute it names: keepdims, select_last_index")
    func renamedAttributes() throws {
        let k = try ArgExtremumKernel<ArgMaxExtremum>(
            node: node("ArgMax", ["keepdims": .int(0), "select_last_index": .int(1), "axis": .int(-1)]), opset: 13)
        #expect(!k.keepDims && k.selectLast && k.axis == -1)
    }

    @Test("An optional attribute is nil until set; a list attribute takes a list")
    func optionalAndList() throws {
        #expect(try UniqueKernel(node: node("Unique", [:]), opset: 11).axis == nil)
        #expect(try UniqueKernel(node: node("Unique", ["axis": .int(1)]), opset: 11).axis == 1)
        #expect(try TransposeKernel(node: node("Transpose", ["perm": .ints([1, 0])]), opset: 13).perm == [1, 0])
    }

    @Test("A value of the wrong type fails at load, naming the node, operator and attribute")
    func wrongType() throws {
        #expect {
            try GemmKernel(node: node("Gemm", ["alpha": .string("two")]), opset: 13)
        } throws: { error in
            rejection(error, "Gemm").map { $0 == ("alpha", "must be a float") } ?? false
        }
    }

    @Test("A required attribute that is missing fails; validate() checks the value's range")
    func requiredAndValidated() throws {
        #expect {
            try LRNKernel(node: node("LRN", [:]), opset: 13)
        } throws: { error in
            rejection(error, "LRN").map { $0 == ("size", "is required") } ?? false
        }
        #expect {
            try LRNKernel(node: node("LRN", ["size": .int(0)]), opset: 13)
        } throws: { error in
            rejection(error, "LRN").map { $0 == ("size", "must be positive") } ?? false
        }
        #expect(try LRNKernel(node: node("LRN", ["size": .int(3)]), opset: 13).size == 3)
    }

    @Test("A choice names its cases in their declared order when given another")
    func choices() throws {
        #expect {
            try GridSampleKernel(node: node("GridSample", ["mode": .string("cubic")]), opset: 16)
        } throws: { error in
            rejection(error, "GridSample").map {
                $0 == ("mode", "is 'cubic'; expected bilinear, nearest or bicubic")
            } ?? false
        }
        let k = try GridSampleKernel(node: node("GridSample", ["padding_mode": .string("border")]), opset: 16)
        #expect(k.mode == .bilinear && k.padding == .border)
        #expect(
            try ScatterNDKernel(node: node("ScatterND", ["reduction": .string("none")]), opset: 18).reduction
                == .replace)
    }

    @Test("Defaults and meanings that changed between opsets follow the graph's opset")
    func opsetDependent() throws {
        #expect(try !ClipKernel(node: node("Clip", ["min": .float(-1)]), opset: 6).boundsFromInputs)
        #expect(try ClipKernel(node: node("Clip", [:]), opset: 13).boundsFromInputs)
        #expect(try TopKKernel(node: node("TopK", ["k": .int(3)]), opset: 1).attributeK == 3)
        #expect(try TopKKernel(node: node("TopK", ["k": .int(3)]), opset: 11).attributeK == nil)
        #expect(try !RoiAlignKernel(node: node("RoiAlign", [:]), opset: 10).halfPixel)
        #expect(try RoiAlignKernel(node: node("RoiAlign", [:]), opset: 16).halfPixel)
        let explicit = ["coordinate_transformation_mode": AttributeValue.string("output_half_pixel")]
        #expect(try !RoiAlignKernel(node: node("RoiAlign", explicit), opset: 16).halfPixel)
    }
}
