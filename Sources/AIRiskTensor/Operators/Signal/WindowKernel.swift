import Foundation

/// A window function of ONNX's signal operators (opset 17): its coefficients as a function of `2πn / D`.
protocol WindowFunction: Sendable {
    static var opType: String { get }
    static func value(_ phase: Double) -> Double
}

/// `0.5 - 0.5 cos(2πn / D)`.
enum HannWindow: WindowFunction {
    static let opType = "HannWindow"
    static func value(_ phase: Double) -> Double { 0.5 - 0.5 * cos(phase) }
}

/// `α - β cos(2πn / D)` with α = 25/46, β = 1 − α.
enum HammingWindow: WindowFunction {
    static let opType = "HammingWindow"
    static func value(_ phase: Double) -> Double {
        let alpha = 25.0 / 46.0
        return alpha - (1 - alpha) * cos(phase)
    }
}

/// `0.42 - 0.5 cos(2πn / D) + 0.08 cos(4πn / D)`.
enum BlackmanWindow: WindowFunction {
    static let opType = "BlackmanWindow"
    static func value(_ phase: Double) -> Double { 0.42 - 0.5 * cos(phase) + 0.08 * cos(2 * phase) }
}

/// ONNX HannWindow / HammingWindow / BlackmanWindow (opset 17): a 1-D window of the scalar input's length,
/// periodic (`D = N`, the default) or symmetric (`periodic = 0`, `D = N − 1`), of type `output_datatype`
/// (default float). Not differentiable.
struct WindowKernel<Function: WindowFunction>: ForwardOnlyKernel {
    static var opType: String { Function.opType }
    let ctx: KernelContext
    let periodic: Bool
    let kind: ElementKind

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        periodic = try ctx.flag("periodic", default: true)
        let code = try ctx.int("output_datatype", default: 1)
        guard let kind = ElementKind(onnxDataType: code), kind == .float || kind == .int64 else {
            throw ctx.attributeError("output_datatype", "names data type \(code), which is not numeric")
        }
        self.kind = kind
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let size = try ctx.intValues(inputs, 0)
        guard size.count == 1, let n = size.first, n >= 0 else {
            throw ctx.inputError(0, "must be one non-negative size, got \(size)")
        }
        try ctx.checkOutput([n], kind)
        let d = Double(periodic ? n : n - 1)
        let values = (0..<n).map { i in Float(Function.value(d == 0 ? 0 : 2 * Double.pi * Double(i) / d)) }
        do {
            return KernelOutput(outputs: [try Tensor(shape: [n], scalars: values).converted(to: kind)])
        } catch {
            throw ctx.fail(error.description)
        }
    }
}
