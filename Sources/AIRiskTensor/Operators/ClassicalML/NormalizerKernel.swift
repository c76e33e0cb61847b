/// ai.onnx.ml Normalizer: divides each row by its MAX (largest value), L1 (sum of absolute values)
/// or L2 (Euclidean) norm. A row whose norm is zero is left unchanged, as onnxruntime does.
/// Differentiable with respect to X.
struct NormalizerKernel: ClassicalMLKernel {
    static let opType = "Normalizer"

    enum Norm: String, CaseIterable { case max = "MAX", l1 = "L1", l2 = "L2" }

    let node: Node
    let norm: Norm

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        norm = try a.choice("norm", default: Norm.max)
    }

    /// The row's norm, and for MAX the index of the maximum.
    private func rowNorm(_ p: UnsafeBufferPointer<Float>, _ base: Int, _ columns: Int) -> (Float, Int) {
        switch norm {
        case .max:
            var m = -Float.infinity
            var at = 0
            for c in 0..<columns where p[base &+ c] > m {
                m = p[base &+ c]
                at = c
            }
            return (columns == 0 ? 0 : m, at)
        case .l1:
            var s: Float = 0
            for c in 0..<columns { s += abs(p[base &+ c]) }
            return (s, 0)
        case .l2:
            var s: Float = 0
            for c in 0..<columns { s += p[base &+ c] * p[base &+ c] }
            return (s.squareRoot(), 0)
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        var y = x.values
        x.values.withUnsafeBufferPointer { p in
            for r in 0..<x.rows {
                let base = r &* x.columns
                let (n, _) = rowNorm(p, base, x.columns)
                if n != 0 { for c in 0..<x.columns { y[base &+ c] = p[base &+ c] / n } }
            }
        }
        let shape = inputs[0]?.shape ?? [x.rows, x.columns]
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let xTensor = inputs.first ?? nil, let xv = xTensor.floats, let g = outputGradients.first??.floats else {
            return [nil]
        }
        let rows = xTensor.shape.count <= 1 ? 1 : xTensor.shape[0]
        let columns = rows == 0 ? 0 : xv.count / rows
        var dx = g
        xv.withUnsafeBufferPointer { p in
            for r in 0..<rows {
                let base = r * columns
                let (n, at) = rowNorm(p, base, columns)
                guard n != 0 else { continue }
                var gx: Float = 0  // Σ g·x
                for c in 0..<columns { gx += g[base + c] * p[base + c] }
                for c in 0..<columns {
                    let x = p[base + c]
                    switch norm {
                    case .l1: dx[base + c] = g[base + c] / n - (x > 0 ? 1 : x < 0 ? -1 : 0) * gx / (n * n)
                    case .l2: dx[base + c] = g[base + c] / n - x * gx / (n * n * n)
                    case .max: dx[base + c] = g[base + c] / n - (c == at ? gx / (n * n) : 0)
                    }
                }
            }
        }
        return [Tensor(shape: xTensor.shape, scalars: dx)]
    }
}
