/// The affine map of LinearClassifier and LinearRegressor: `scores = X·Wᵀ + b` with `targets` rows
/// of `coefficients` over `features` inputs, and its input gradient.
struct MLAffine {
    let coefficients: [Float]
    let intercepts: [Float]
    let targets: Int
    let features: Int

    /// `coefficients` must split into `targets` rows; absent `intercepts` are zeros.
    init(coefficients: [Float], intercepts: [Float], targets: Int) {
        self.coefficients = coefficients
        self.intercepts = intercepts.isEmpty ? [Float](repeating: 0, count: targets) : intercepts
        self.targets = targets
        features = coefficients.count / targets
    }

    /// The node's input X, checked to have `features` columns.
    func input(_ inputs: [Tensor?], node: Node) throws -> MLInput {
        try MLInput(inputs, node: node, features: features)
    }

    /// The scores [rows, targets] of `x`.
    func scores(_ x: MLInput) -> [Float] {
        MLMatrix.affine(x.values, rows: x.rows, k: features, weights: coefficients, n: targets, bias: intercepts)
    }

    /// dL/dX (shaped as `x`) given dL/dscores for `rows` rows.
    func inputGradient(_ dScores: [Float], rows: Int, like x: Tensor) -> Tensor {
        // dScores [rows, targets] · W [targets, features].
        let dx = BLAS.matmul(dScores, coefficients, m: rows, n: features, k: targets)
        return Tensor(shape: x.shape, scalars: dx)
    }
}
