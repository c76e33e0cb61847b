/// A kernel with a float64 path: it receives float64 inputs as they are and computes in float64
/// where onnxruntime's double kernel does.
///
/// Every other kernel receives float64 inputs rounded to float32 at its boundary (see
/// ``Executor/reducedPrecisionNodes``, which names such nodes so a model can say it computes part of a
/// float64 graph in float32).
protocol DoubleKernel: Kernel {
    /// Whether this node computes float64 inputs in float64 (a generic kernel may have the path for some
    /// of its operators only).
    var computesDouble: Bool { get }
    /// Whether the node's outputs are float64 when an input is float64 (false when the output type is
    /// fixed: labels, indices, booleans, the float scores of ai.onnx.ml operators, a Cast to another type).
    var keepsDouble: Bool { get }
}

extension DoubleKernel {
    var computesDouble: Bool { true }
    var keepsDouble: Bool { true }
}

extension Tensor {
    /// The two operands of a float64 computation: both as Double when either is float64 and the other
    /// is float32 or float64 (a float32 operand widens exactly); nil otherwise.
    static func doubleOperands(_ a: Tensor, _ b: Tensor) -> ([Double], [Double])? {
        switch (a.storage, b.storage) {
        case (.double(let x), .double(let y)): (x, y)
        case (.double(let x), .float(let y)): (x, y.map { Double($0) })
        case (.float(let x), .double(let y)): (x.map { Double($0) }, y)
        default: nil
        }
    }
}

extension KernelContext {
    /// Inputs 0 and 1 and their values in float64 when either is float64 (nil when neither is); throws
    /// when the other is neither float32 nor float64.
    func doubleOperands(_ inputs: [Tensor?]) throws -> (Tensor, Tensor, [Double], [Double])? {
        let a = try input(inputs, 0)
        let b = try input(inputs, 1)
        guard a.elementKind == .double || b.elementKind == .double else { return nil }
        guard let (x, y) = Tensor.doubleOperands(a, b) else {
            throw fail("operands must both be float64, got \(a.elementTypeName) and \(b.elementTypeName)")
        }
        return (a, b, x, y)
    }
}
