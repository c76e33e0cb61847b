/// ai.onnx.ml Scaler: Y = (X − offset) · scale per feature column (`offset` and `scale` hold one
/// value per column, or a single value for all). Differentiable with respect to X.
struct ScalerKernel: ClassicalMLKernel {
    static let opType = "Scaler"

    let node: Node
    let offset: [Float]
    let scale: [Float]

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        offset = try a.floats("offset") ?? [0]
        scale = try a.floats("scale") ?? [1]
        guard !offset.isEmpty else { throw a.invalid("offset", "is empty") }
        guard !scale.isEmpty else { throw a.invalid("scale", "is empty") }
    }

    private func parameters(columns: Int) throws -> (offset: [Float], scale: [Float]) {
        func expand(_ v: [Float], _ name: String) throws -> [Float] {
            if v.count == columns { return v }
            if v.count == 1 { return [Float](repeating: v[0], count: columns) }
            throw inputError("input X has \(columns) features but '\(name)' has \(v.count) values")
        }
        return (try expand(offset, "offset"), try expand(scale, "scale"))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try MLInput(inputs.first ?? nil, node: node)
        let (o, s) = try parameters(columns: x.columns)
        var y = x.values
        if let d = x.doubles {
            // onnxruntime's double Scaler: (x − offset) · scale in float64, the result rounded to float32.
            for r in 0..<x.rows {
                let base = r &* x.columns
                for c in 0..<x.columns { y[base &+ c] = Float((d[base &+ c] - Double(o[c])) * Double(s[c])) }
            }
            let shape = inputs[0]?.shape ?? [x.rows, x.columns]
            return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
        }
        y.withUnsafeMutableBufferPointer { p in
            for r in 0..<x.rows {
                let base = r &* x.columns
                for c in 0..<x.columns { p[base &+ c] = (p[base &+ c] - o[c]) * s[c] }
            }
        }
        let shape = inputs[0]?.shape ?? [x.rows, x.columns]
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let xTensor = inputs.first ?? nil, xTensor.floats != nil, var g = outputGradients.first??.floats else {
            return [nil]
        }
        let rows = xTensor.shape.count <= 1 ? 1 : xTensor.shape[0]
        let columns = rows == 0 ? 0 : g.count / rows
        let (_, s) = try parameters(columns: columns)
        for r in 0..<rows { for c in 0..<columns { g[r * columns + c] *= s[c] } }
        return [Tensor(shape: xTensor.shape, scalars: g)]
    }
}
