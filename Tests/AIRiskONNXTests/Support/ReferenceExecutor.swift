import AIRiskTensor

/// TEST-ONLY: a minimal forward executor used by the conformance harness until the engine's
/// `Executor` (branch `engine`) is merged. It instantiates each node's kernel from
/// ``KernelRegistry`` and runs the nodes in order; no memory planning, no gradients.
/// Replace the body of ``ConformanceHarness/execute(_:inputs:)`` with the engine executor call.
enum ReferenceExecutor {
    struct MissingKernel: Error, CustomStringConvertible {
        var node: String
        var opType: String
        var description: String { "no kernel for \(opType) (node '\(node)')" }
    }

    struct MissingValue: Error, CustomStringConvertible {
        var name: String
        var description: String { "value '\(name)' was never produced" }
    }

    static func run(_ graph: Graph, inputs: [String: Tensor]) throws -> [String: Tensor] {
        var values = graph.initializers.merging(inputs) { _, fed in fed }
        for node in graph.nodes {
            guard let kernelType = KernelRegistry.kernel(domain: node.domain, opType: node.opType) else {
                throw MissingKernel(node: node.name, opType: node.opType)
            }
            let kernel = try kernelType.init(node: node, opset: graph.opsetImports[node.domain] ?? 1)
            let result = try kernel.forward(node.inputs.map { $0.isEmpty ? nil : values[$0] })
            for (name, tensor) in zip(node.outputs, result.outputs) where !name.isEmpty { values[name] = tensor }
        }
        var outputs: [String: Tensor] = [:]
        for output in graph.outputs {
            guard let v = values[output.name] else { throw MissingValue(name: output.name) }
            outputs[output.name] = v
        }
        return outputs
    }
}
