/// A kernel of the ai.onnx.ml domain (the classical machine-learning operators).
protocol ClassicalMLKernel: Kernel {}

extension ClassicalMLKernel {
    static var domain: String { "ai.onnx.ml" }
}
