import AIRiskAccess
import AIRiskData
import AIRiskLoader
import AIRiskONNX
import AIRiskTensor
import Foundation

/// What `airisk inspect` reports about an ONNX file.
struct ModelInspection: Codable, Equatable {
    struct Value: Codable, Equatable {
        var name: String
        var type: String
    }

    struct Operator: Codable, Equatable {
        var domain: String
        var opType: String
        var nodes: Int
    }

    var file: String
    var sha256: String
    var producer: String
    var irVersion: Int64
    var opsets: [String: Int]
    var inputs: [Value]
    var outputs: [Value]
    var operators: [Operator]
    var nodeCount: Int
    var parameterCount: Int
    var unsupportedOperators: [Operator]
    /// How airisk would query it: output kind, class count, row shape; nil if it cannot.
    var outputKind: String?
    var outputWidth: Int?
    var rowShape: [Int]?
    var inputGradients: Bool
    var accessLevel: String?
    var problem: String?

    init(url: URL, loader: ModelLoader = ModelLoader()) throws {
        let model = try loader.openFile(url, checkOperators: false)
        file = url.path
        sha256 = try SHA256.hex(contentsOf: url)
        producer = [model.producerName, model.producerVersion].filter { !$0.isEmpty }.joined(separator: " ")
        irVersion = model.irVersion
        opsets = Dictionary(
            uniqueKeysWithValues: model.opsetImports.map { ($0.key.isEmpty ? "ai.onnx" : $0.key, $0.value) })
        inputs = model.inputs.map { Value(name: $0.name, type: $0.declaredType.description) }
        outputs = model.outputs.map { Value(name: $0.name, type: $0.declaredType.description) }
        operators = model.operators.map {
            Operator(domain: $0.domain.isEmpty ? "ai.onnx" : $0.domain, opType: $0.opType, nodes: $0.nodeCount)
        }
        nodeCount = model.operators.map(\.nodeCount).reduce(0, +)
        parameterCount = model.parameterCount + Self.attributeParameters(model.graph)
        unsupportedOperators = model.unsupportedOperators { KernelSupport.isSupported(domain: $0, opType: $1) }
            .map { Operator(domain: $0.domain.isEmpty ? "ai.onnx" : $0.domain, opType: $0.opType, nodes: $0.nodeCount) }
        inputGradients = false
        if unsupportedOperators.isEmpty {
            do {
                let access = try loader.access(model, name: url.lastPathComponent)
                let d = access.description
                outputKind = d.outputKind.rawValue
                outputWidth = d.outputWidth
                rowShape = d.inputShape
                inputGradients = d.providesInputGradients
                accessLevel = d.accessLevel.rawValue
            } catch {
                problem = "\(error)"
            }
        } else {
            problem =
                "unsupported operators: "
                + unsupportedOperators.map { "\($0.domain)::\($0.opType)" }.joined(separator: ", ")
        }
    }

    /// Classical-ML operators keep their learned values in attributes (coefficients, tree
    /// thresholds and leaf weights) rather than initializers; count the float arrays among them.
    static func attributeParameters(_ graph: Graph) -> Int {
        var n = 0
        for node in graph.nodes where node.domain == "ai.onnx.ml" {
            for (_, value) in node.attributes {
                switch value {
                case .floats(let v): n += v.count
                case .tensor(let t): n += t.count
                default: break
                }
            }
        }
        return n
    }

    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        lines.append("Model      \(file)")
        lines.append("SHA-256    \(sha256)")
        // An exporter may record a whole build log as its version (CatBoost does): the first line is the name.
        let producerLines = producer.split(whereSeparator: \.isNewline)
        let shown = producerLines.first.map { String($0) + (producerLines.count > 1 ? " …" : "") } ?? "(not recorded)"
        lines.append("Producer   \(shown)   IR version \(irVersion)")
        lines.append(
            "Opsets     " + opsets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("Inputs")
        for v in inputs { lines.append("  \(v.name)  \(v.type)") }
        lines.append("Outputs")
        for v in outputs { lines.append("  \(v.name)  \(v.type)") }
        lines.append("Operators  \(nodeCount) nodes, \(operators.count) operator types")
        for o in operators { lines.append("  \(o.domain)::\(o.opType) ×\(o.nodes)") }
        lines.append("Parameters \(parameterCount)")
        if let outputKind, let outputWidth, let rowShape {
            let what = outputKind == "regression" ? "\(outputWidth) output(s)" : "\(outputWidth) classes"
            lines.append("Queried as \(outputKind), \(what), rows of shape \(rowShape)")
        }
        lines.append(
            "Gradients  "
                + (inputGradients
                    ? "input gradients available (white-box attacks possible)"
                    : "no input gradients (a path is not differentiable, e.g. trees, ArgMax or integer ops)"))
        if let accessLevel { lines.append("Access     \(accessLevel)") }
        if let problem { lines.append("Problem    \(problem)") }
        return lines.joined(separator: "\n")
    }
}
