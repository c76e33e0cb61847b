/// ai.onnx.ml FeatureVectorizer: concatenates its inputs' feature columns into one float matrix.
/// Input i contributes `inputdimensions[i]` columns per row, truncated or padded with zeros.
/// Differentiable with respect to float inputs.
struct FeatureVectorizerKernel: ClassicalMLKernel {
    static let opType = "FeatureVectorizer"

    let node: Node
    let dimensions: [Int]
    let width: Int

    init(node: Node, opset: Int) throws {
        self.node = node
        let a = MLAttributes(node: node)
        guard let dims = try a.int64s("inputdimensions"), !dims.isEmpty else { throw a.missing("inputdimensions") }
        guard dims.allSatisfy({ $0 >= 0 }) else { throw a.invalid("inputdimensions", "must be non-negative") }
        dimensions = dims.map { Int($0) }
        var w = 0
        for d in dimensions {
            let (s, o) = w.addingReportingOverflow(d)
            guard !o else { throw a.invalid("inputdimensions", "sum overflows") }
            w = s
        }
        width = w
    }

    /// [rows, Σ inputdimensions], overflow-checked.
    static func outputShape(rows: Int, width: Int) -> [Int]? {
        Shape.checkedCount([rows, width]) == nil ? nil : [rows, width]
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        guard inputs.count == dimensions.count else {
            throw inputError("has \(inputs.count) inputs but inputdimensions lists \(dimensions.count)")
        }
        let matrices = try inputs.map { try MLInput($0, node: node) }
        let rows = matrices.first?.rows ?? 0
        guard matrices.allSatisfy({ $0.rows == rows }) else {
            throw inputError("inputs have different row counts: \(matrices.map(\.rows))")
        }
        guard let shape = Self.outputShape(rows: rows, width: width) else { throw inputError("output is too large") }
        var y = [Float](repeating: 0, count: Shape.count(shape))
        var offset = 0
        for (m, d) in zip(matrices, dimensions) {
            let n = min(d, m.columns)
            for r in 0..<rows {
                for c in 0..<n { y[r * width + offset + c] = m.values[r * m.columns + c] }
            }
            offset += d
        }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first??.floats else { return inputs.map { _ in nil } }
        var result: [Tensor?] = []
        var offset = 0
        for (input, d) in zip(inputs, dimensions) {
            defer { offset += d }
            guard let input, input.floats != nil else {
                result.append(nil)
                continue
            }
            let m = try MLInput(input, node: node)
            var dx = [Float](repeating: 0, count: m.values.count)
            for r in 0..<m.rows {
                for c in 0..<min(d, m.columns) { dx[r * m.columns + c] = g[r * width + offset + c] }
            }
            result.append(Tensor(shape: input.shape, scalars: dx))
        }
        return result
    }
}
