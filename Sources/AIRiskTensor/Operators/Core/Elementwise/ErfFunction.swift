import Foundation

/// ONNX Erf: the error function, elementwise. d/dx erf(x) = 2/√π · exp(−x²).
struct ErfFunction: UnaryFunction {
    static let opType = "Erf"
    func applyAll(_ x: [Float]) -> [Float] { mapValues(self, x) }
    func gradientAll(_ g: [Float], _ x: [Float], _ y: [Float]) -> [Float] { mapGradients(self, g, x, y) }
    init(_ ctx: KernelContext) throws {}
    func apply(_ x: Float) -> Float { Foundation.erf(x) }
    func derivative(x: Float, y: Float) -> Float { 1.1283791671 * Foundation.exp(-x * x) }
}
