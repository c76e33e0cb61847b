import Foundation

/// ONNX Erf: the error function, elementwise. d/dx erf(x) = 2/√π · exp(−x²).
struct ErfFunction: PlainUnaryFunction {
    static let opType = "Erf"
    func apply(_ x: Float) -> Float { Foundation.erf(x) }
    func derivative(x: Float, y: Float) -> Float { 1.1283791671 * Foundation.exp(-x * x) }
}
