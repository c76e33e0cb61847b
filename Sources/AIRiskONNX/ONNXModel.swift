import AIRiskTensor
import Foundation

/// An ONNX model loaded from a file: its metadata and its graph lowered onto the engine's IR.
///
/// Loading reads the protobuf with airisk's own bounds-checked wire-format reader, checks the
/// operator-set versions, the graph's structure and every initializer against its dims, and (by
/// default) that the engine has a kernel for every operator, so a model that loads can run.
package struct ONNXModel: Sendable {
    /// The path or name the model was loaded from, used in every error message.
    package var fileName: String
    package var irVersion: Int64
    package var producerName: String
    package var producerVersion: String
    /// The model's own namespace (`ModelProto.domain`), e.g. "ai.onnx.ml" or a reverse-DNS name.
    package var domain: String
    package var modelVersion: Int64
    package var docString: String
    /// `GraphProto.doc_string`.
    package var graphDocString: String
    package var metadataProps: [ONNXMetadataEntry]
    /// Operator-set versions by domain; "" is ai.onnx (an "ai.onnx" import is stored under "").
    package var opsetImports: [String: Int]
    /// The runtime inputs (initializers excluded) as declared in the file.
    package var inputs: [ONNXValueDeclaration]
    /// The graph outputs as declared in the file (see ``ONNXValueDeclaration/zipMapClassLabels``).
    package var outputs: [ONNXValueDeclaration]
    /// The graph, ready for the executor. Nodes are in topological order; unnamed nodes are named
    /// "<OpType>#<index in file>".
    package var graph: Graph

    /// The ai.onnx operator-set versions the engine implements.
    /// 22–25 only widen type lists (bfloat16, float4, float8e8m0), add operators the engine reports as missing, and
    /// restate the pooling windows that start in the right padding (ignored, as the engine always did).
    package static let supportedOpsets: ClosedRange<Int64> = 9...25
    /// The ai.onnx.ml operator-set versions the engine implements.
    package static let supportedMLOpsets: ClosedRange<Int64> = 1...5

    /// Loads a model file. With `checkOperators` (the default) every operator must have a kernel in
    /// ``KernelRegistry``, otherwise ``ONNXError/unsupportedOperator(file:opType:domain:node:)`` is thrown.
    /// A file larger than ``ONNXLimits/maxFileBytes`` is refused before it is read.
    package static func load(
        contentsOf url: URL, checkOperators: Bool = true, limits: ONNXLimits = .standard
    ) throws -> ONNXModel {
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? UInt64,
            size > limits.maxFileBytes
        {
            throw ONNXError.tooLarge(file: url.path, what: "the model file", bytes: size, limit: limits.maxFileBytes)
        }
        return try load(
            bytes: try FileBytes.map(url), fileName: url.path, checkOperators: checkOperators, limits: limits,
            directory: url.deletingLastPathComponent())
    }

    /// Loads a model from serialized ModelProto bytes; `fileName` is used in error messages.
    package static func load(
        data: Data, fileName: String, checkOperators: Bool = true, limits: ONNXLimits = .standard
    ) throws -> ONNXModel {
        try load(
            bytes: FileBytes(copying: [UInt8](data)), fileName: fileName, checkOperators: checkOperators, limits: limits
        )
    }

    static func load(
        bytes: FileBytes, fileName: String, checkOperators: Bool, limits: ONNXLimits, directory: URL? = nil
    ) throws -> ONNXModel {
        guard UInt64(bytes.count) <= limits.maxFileBytes else {
            throw ONNXError.tooLarge(
                file: fileName, what: "the model file", bytes: UInt64(bytes.count), limit: limits.maxFileBytes)
        }
        let proto: ModelProto
        do {
            proto = try ModelProto(
                bytes: bytes, maximumDepth: limits.maxMessageDepth,
                maximumElements: Int(clamping: limits.maxTensorBytes / 4))
        } catch let e as ProtoDecodingError {
            throw ONNXError.malformed(file: fileName, fieldPath: e.fieldPath, reason: e.reason)
        }
        guard let graphProto = proto.graph else { throw ONNXError.missingGraph(file: fileName) }
        if proto.hasFunctions {
            throw ONNXError.unsupportedFeature(file: fileName, feature: "model-local functions (ModelProto.functions)")
        }

        var opsets: [String: Int] = [:]
        for (domain, version) in proto.opsetImports {
            let d = domain == "ai.onnx" ? "" : domain
            let range: ClosedRange<Int64>? =
                d == "" ? supportedOpsets : d == "ai.onnx.ml" ? supportedMLOpsets : nil
            if let range, !range.contains(version) {
                throw ONNXError.unsupportedOpset(file: fileName, domain: d, version: version, supported: range)
            }
            opsets[d] = Int(clamping: version)
        }
        if proto.opsetImports.isEmpty {
            // IR version 2 and older had no opset_import; such files are opset 1, which is too old.
            throw ONNXError.unsupportedOpset(file: fileName, domain: "", version: 1, supported: supportedOpsets)
        }

        var lowering = GraphLowering(file: fileName, opsetImports: opsets, limits: limits)
        lowering.directory = directory
        let lowered = try lowering.lowerMain(graphProto)
        try checkSizes(lowered.graph, fileName: fileName, limits: limits)
        let model = ONNXModel(
            fileName: fileName, irVersion: proto.irVersion, producerName: proto.producerName,
            producerVersion: proto.producerVersion, domain: proto.domain, modelVersion: proto.modelVersion,
            docString: proto.docString, graphDocString: graphProto.docString,
            metadataProps: proto.metadataProps.map { ONNXMetadataEntry(key: $0.key, value: $0.value) },
            opsetImports: opsets, inputs: lowered.inputs, outputs: lowered.outputs, graph: lowered.graph)
        try model.checkOpsetImports()
        if checkOperators { try model.checkOperatorSupport() }
        return model
    }

    /// The static size pass (``GraphSizePass``): every value the graph computes that can be sized
    /// without running it, with symbolic dimensions as 1, must fit ``ONNXLimits/maxValueBytes``.
    /// Runs before anything executes the graph.
    static func checkSizes(
        _ graph: Graph, fileName: String, limits: ONNXLimits, inputShapes: [String: [Int?]] = [:]
    ) throws {
        do {
            try GraphSizePass.check(graph, inputShapes: inputShapes, limit: Int(clamping: limits.maxValueBytes))
        } catch let error as GraphSizeError {
            throw ONNXError.graphTooLarge(file: fileName, reason: error.description)
        } catch let error as NeuralKernelError {
            throw ONNXError.graphTooLarge(file: fileName, reason: error.description)
        }
    }

    /// Runs the static size pass again with concrete shapes for the run-time inputs (nil dimensions
    /// unknown), e.g. the one-row batch a caller is about to run. Throws ``ONNXError/graphTooLarge(file:reason:)``.
    package func checkSizes(inputShapes: [String: [Int?]], limits: ONNXLimits = .standard) throws {
        try Self.checkSizes(graph, fileName: fileName, limits: limits, inputShapes: inputShapes)
    }

    /// Every operator the graph uses (subgraphs of If/Loop/Scan included), in order of first use.
    package var operators: [ONNXOperatorUse] {
        var uses: [ONNXOperatorUse] = []
        var index: [String: Int] = [:]
        func visit(_ g: Graph) {
            for node in g.nodes {
                let key = node.domain + "::" + node.opType
                if let i = index[key] {
                    uses[i].nodeCount += 1
                } else {
                    index[key] = uses.count
                    uses.append(
                        ONNXOperatorUse(domain: node.domain, opType: node.opType, nodeCount: 1, firstNode: node.name))
                }
                for attribute in node.attributes.values {
                    if case .graph(let sub) = attribute { visit(sub) }
                }
            }
        }
        visit(graph)
        return uses
    }

    /// The number of scalar parameters stored in initializers (float and integer tensors).
    package var parameterCount: Int {
        graph.initializers.values.reduce(0) { $0 + $1.count }
    }

    /// The operators for which `isSupported(domain, opType)` is false.
    package func unsupportedOperators(isSupported: (String, String) -> Bool) -> [ONNXOperatorUse] {
        operators.filter { !isSupported($0.domain, $0.opType) }
    }

    /// Throws ``ONNXError/unsupportedOperator(file:opType:domain:node:)`` for the first operator that
    /// `isSupported(domain, opType)` rejects. The default asks ``KernelRegistry``.
    package func checkOperatorSupport(
        isSupported: (String, String) -> Bool = { KernelRegistry.kernel(domain: $0, opType: $1) != nil }
    ) throws {
        if let first = unsupportedOperators(isSupported: isSupported).first {
            throw ONNXError.unsupportedOperator(
                file: fileName, opType: first.opType, domain: first.domain, node: first.firstNode)
        }
    }

    /// Every domain a node uses must be imported; standard and ML operators need their opset.
    func checkOpsetImports() throws {
        for use in operators where opsetImports[use.domain] == nil {
            if use.domain == "" || use.domain == "ai.onnx.ml" {
                throw ONNXError.invalidGraph(
                    file: fileName,
                    reason: "node '\(use.firstNode)' uses domain '\(use.domain.isEmpty ? "ai.onnx" : use.domain)' "
                        + "but the model has no opset_import for it")
            }
        }
    }
}
