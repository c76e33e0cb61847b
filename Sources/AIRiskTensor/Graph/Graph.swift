/// A computation graph in the engine's intermediate representation.
///
/// ONNX models are lowered onto this form, and the models the probes train in-process
/// (shadow, reference and surrogate models) are built in it too, so one executor and one
/// reverse-mode differentiator serve both.
package struct Graph: Sendable {
    package var name: String
    /// Nodes in topological order.
    package var nodes: [Node]
    /// Graph inputs that are fed at run time (initializers excluded).
    package var inputs: [ValueInfo]
    package var outputs: [ValueInfo]
    /// Constant tensors (weights) by value name.
    package var initializers: [String: Tensor]
    /// Operator-set versions by domain ("" is ai.onnx, "ai.onnx.ml" the classical-ML domain).
    package var opsetImports: [String: Int]

    package init(
        name: String, nodes: [Node], inputs: [ValueInfo], outputs: [ValueInfo],
        initializers: [String: Tensor] = [:], opsetImports: [String: Int] = ["": 17]
    ) {
        self.name = name
        self.nodes = nodes
        self.inputs = inputs
        self.outputs = outputs
        self.initializers = initializers
        self.opsetImports = opsetImports
    }
}
