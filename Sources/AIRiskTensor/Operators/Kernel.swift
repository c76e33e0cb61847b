/// The result of running a kernel forward: its outputs, plus whatever the kernel wants to keep
/// for its backward pass (e.g. the gate activations of an LSTM).
package struct KernelOutput: Sendable {
    package var outputs: [Tensor]
    package var saved: (any Sendable)?

    package init(outputs: [Tensor], saved: (any Sendable)? = nil) {
        self.outputs = outputs
        self.saved = saved
    }
}

/// One operator implementation. A kernel is built once per node at load time (so attribute
/// errors surface when the model is loaded, naming the node) and then run many times.
package protocol Kernel: Sendable {
    /// The ONNX operator type this kernel implements, e.g. "Gemm".
    static var opType: String { get }
    /// The operator's domain: "" for ai.onnx, "ai.onnx.ml" for classical ML operators.
    static var domain: String { get }
    /// Whether ``backward(inputs:forward:outputGradients:)`` is implemented. Graphs that route an
    /// input through a kernel that is not differentiable report that they have no input gradients.
    static var isDifferentiable: Bool { get }

    /// Builds the kernel from a node's attributes; `opset` is the graph's version for `domain`.
    init(node: Node, opset: Int) throws

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput

    /// Vector-Jacobian product: given the gradients of the loss with respect to each output
    /// (nil when an output does not reach the loss), the gradients with respect to each input
    /// (nil for inputs that are absent or not differentiable, such as shapes and indices).
    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?]

    /// Whether a gradient can flow from output to the input at `index` (false for inputs that carry
    /// only shapes, axes or indices, and for every input of a kernel that is not differentiable).
    /// The executor uses it to decide statically whether a graph has input gradients.
    func passesGradient(fromInput index: Int) -> Bool
}

extension Kernel {
    package static var domain: String { "" }
    package static var isDifferentiable: Bool { true }
    package func passesGradient(fromInput index: Int) -> Bool { Self.isDifferentiable }
}

/// A kernel without a backward pass. ``Kernel/isDifferentiable`` is false, so the executor never
/// asks it for input gradients: a graph that needs one through it reports that it has none.
protocol ForwardOnlyKernel: Kernel {}

extension ForwardOnlyKernel {
    static var isDifferentiable: Bool { false }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        inputs.map { _ in nil }
    }
}
