import Testing

@testable import AIRiskTensor

@Suite("Tree ensemble kernels")
struct TreeEnsembleKernelTests {
    /// One tree: node 0 tests feature 0 (`mode`, threshold 1); leaves 1 (true) and 2 (false).
    func regressor(mode: String = "BRANCH_LEQ", trueChild: Int64 = 1, extra: [String: AttributeValue] = [:]) throws
        -> TreeEnsembleRegressorKernel
    {
        var attributes: [String: AttributeValue] = [
            "nodes_treeids": .ints([0, 0, 0]), "nodes_nodeids": .ints([0, 1, 2]),
            "nodes_featureids": .ints([0, 0, 0]), "nodes_modes": .strings([mode, "LEAF", "LEAF"]),
            "nodes_values": .floats([1, 0, 0]), "nodes_truenodeids": .ints([trueChild, 0, 0]),
            "nodes_falsenodeids": .ints([2, 0, 0]), "target_treeids": .ints([0, 0]), "target_nodeids": .ints([1, 2]),
            "target_ids": .ints([0, 0]), "target_weights": .floats([10, 20]),
        ]
        attributes.merge(extra) { _, new in new }
        return try TreeEnsembleRegressorKernel(
            node: Node(
                name: "t", opType: "TreeEnsembleRegressor", domain: "ai.onnx.ml", inputs: ["X"], outputs: ["Y"],
                attributes: attributes), opset: 3)
    }

    @Test("branch modes compare feature and threshold as specified")
    func modes() throws {
        let x = Tensor(shape: [3, 1], scalars: [0.5, 1, 2])
        let expected: [String: [Float]] = [
            "BRANCH_LEQ": [10, 10, 20], "BRANCH_LT": [10, 20, 20], "BRANCH_GTE": [20, 10, 10],
            "BRANCH_GT": [20, 20, 10], "BRANCH_EQ": [20, 10, 20], "BRANCH_NEQ": [10, 20, 10],
        ]
        for (mode, want) in expected {
            #expect(try regressor(mode: mode).forward([x]).outputs[0].floats == want, "\(mode)")
        }
    }

    @Test("NaN follows nodes_missing_value_tracks_true")
    func missingValues() throws {
        let x = Tensor(shape: [1, 1], scalars: [.nan])
        #expect(try regressor().forward([x]).outputs[0].floats == [20])
        let tracking = try regressor(extra: ["nodes_missing_value_tracks_true": .ints([1, 0, 0])])
        #expect(try tracking.forward([x]).outputs[0].floats == [10])
    }

    @Test("malformed trees are rejected at load, naming the node")
    func malformedTrees() {
        #expect(throws: ClassicalMLError.self) { try regressor(trueChild: 7) }  // child does not exist
        #expect(throws: ClassicalMLError.self) { try regressor(trueChild: 0) }  // cycle back to the root
        #expect(throws: ClassicalMLError.self) { try regressor(mode: "BRANCH_SOMETIMES") }
        #expect(throws: ClassicalMLError.self) { try regressor(extra: ["target_ids": .ints([0, 3])]) }
        do {
            _ = try regressor(trueChild: 7)
        } catch {
            #expect("\(error)".hasPrefix("TreeEnsembleRegressor node 't':"))
        }
    }

    @Test("too few input features is an input error, and trees are not differentiable")
    func inputs() throws {
        let k = try regressor(extra: ["nodes_featureids": .ints([4, 0, 0])])
        #expect(throws: ClassicalMLError.self) { try k.forward([Tensor(shape: [1, 2], scalars: [0, 0])]) }
        #expect(!TreeEnsembleRegressorKernel.isDifferentiable)
        #expect(!TreeEnsembleClassifierKernel.isDifferentiable)
        #expect(
            LinearClassifierKernel.isDifferentiable && ScalerKernel.isDifferentiable
                && NormalizerKernel.isDifferentiable)
    }

    @Test("every classical-ML operator is registered under ai.onnx.ml")
    func registry() {
        for op in [
            "LinearClassifier", "LinearRegressor", "Scaler", "Normalizer", "TreeEnsembleClassifier",
            "TreeEnsembleRegressor", "ZipMap", "ArrayFeatureExtractor",
        ] {
            #expect(KernelRegistry.kernel(domain: "ai.onnx.ml", opType: op) != nil, "\(op)")
        }
    }
}
