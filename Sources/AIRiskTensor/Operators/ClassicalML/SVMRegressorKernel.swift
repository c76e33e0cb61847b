/// ai.onnx.ml SVMRegressor: with support vectors (`n_supports` > 0) y = Σ coefficients_j ·
/// K(x, sv_j) + rho[0]; without, the linear form y = coefficients · x + rho[0]. `one_class` maps y
/// to ±1. The output is [N, 1], as onnxruntime gives it. Not differentiable.
struct SVMRegressorKernel: ClassicalMLKernel, ForwardOnlyKernel {
    static let opType = "SVMRegressor"

    let node: Node
    let kernel: SVMKernelFunction
    let supportVectors: [Float]
    let coefficients: [Float]
    let rho: Float
    let vectorCount: Int
    let features: Int
    let oneClass: Bool

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        var k = try SVMKernelFunction(a)
        let coefficients = try a.requiredFloats("coefficients")
        guard let rho = try a.floats("rho")?.first else { throw a.missing("rho") }
        let n = Int(try a.int("n_supports", default: 0))
        supportVectors = try a.floats("support_vectors") ?? []
        if n > 0 {
            guard supportVectors.count % n == 0, coefficients.count >= n else {
                throw a.invalid(
                    "support_vectors",
                    "holds \(supportVectors.count) values and coefficients \(coefficients.count) for \(n) vectors")
            }
            features = supportVectors.count / n
        } else {
            features = coefficients.count
            k.kind = .linear
        }
        guard n >= 0 else { throw a.invalid("n_supports", "is negative") }
        kernel = k
        vectorCount = n
        self.coefficients = coefficients
        self.rho = rho
        oneClass = try a.flag("one_class")
    }

    /// [rows, 1]; overflow-checked.
    static func outputShape(rows: Int) -> [Int] { [rows, 1] }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs, node: node, features: features, emptyAllowed: true)
        var y: [Float]
        if vectorCount > 0 {
            let kv = kernel.evaluate(x.values, rows: x.rows, supportVectors, n: vectorCount, k: features, c: 0)
            y = (0..<x.rows).map { r in
                var s: Float = 0
                for j in 0..<vectorCount { s += kv[r * vectorCount + j] * coefficients[j] }
                return s + rho
            }
        } else {
            y = kernel.evaluate(x.values, rows: x.rows, coefficients, n: 1, k: features, c: rho)
        }
        if oneClass { y = y.map { $0 > 0 ? 1 : -1 } }
        return KernelOutput(outputs: [Tensor(shape: Self.outputShape(rows: x.rows), scalars: y)])
    }
}
