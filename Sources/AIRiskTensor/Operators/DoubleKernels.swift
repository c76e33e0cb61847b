import Foundation

// The float64 lane: the kernels that compute float64 inputs in float64, as onnxruntime's double kernels do.
// Every kernel not listed here receives float64 inputs rounded to float32 (Executor.boundary) and is named in
// Executor.reducedPrecisionNodes.

// Kernels that move elements without computing on them: generic over storage.
extension IdentityKernel: DoubleKernel {}
extension ReshapeKernel: DoubleKernel {}
extension FlattenKernel: DoubleKernel {}
extension SqueezeKernel: DoubleKernel {}
extension UnsqueezeKernel: DoubleKernel {}
extension DropoutKernel: DoubleKernel {}
extension TransposeKernel: DoubleKernel {}
extension GatherKernel: DoubleKernel {}
extension GatherElementsKernel: DoubleKernel {}
extension SliceKernel: DoubleKernel {}
extension ConcatKernel: DoubleKernel {}
extension SplitKernel: DoubleKernel {}
extension ExpandKernel: DoubleKernel {}
extension TileKernel: DoubleKernel {}
extension WhereKernel: DoubleKernel {}
extension ShapeKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension SizeKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension ArrayFeatureExtractorKernel: DoubleKernel {}

// Kernels with a float64 computation.
extension CastKernel: DoubleKernel { var keepsDouble: Bool { target == .double } }
extension CastLikeKernel: DoubleKernel {}
extension ComparisonKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension ArgExtremumKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension ReduceKernel: DoubleKernel {}
extension SoftmaxFamilyKernel: DoubleKernel {}
extension MatMulKernel: DoubleKernel {}
extension GemmKernel: DoubleKernel {}
extension BinaryKernel: DoubleKernel {}
extension UnaryKernel: DoubleKernel {
    var computesDouble: Bool { UnaryDouble.function(F.opType) != nil }
}

// ai.onnx.ml operators that read float64 inputs in float64 and answer float32 (onnxruntime's type constraints):
// tree ensembles compare a float64 feature against the threshold in float64; Scaler computes (x − offset) · scale
// in float64. FeatureVectorizer rounds every input to float32, which is what onnxruntime does.
extension TreeEnsembleClassifierKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension TreeEnsembleRegressorKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension ScalerKernel: DoubleKernel { var keepsDouble: Bool { false } }
extension FeatureVectorizerKernel: DoubleKernel { var keepsDouble: Bool { false } }

/// The float64 versions of the unary functions that have one.
enum UnaryDouble {
    static func function(_ opType: String) -> (@Sendable (Double) -> Double)? {
        switch opType {
        case "Neg": { -$0 }
        case "Abs": { Swift.abs($0) }
        case "Sqrt": { $0.squareRoot() }
        case "Exp": { Foundation.exp($0) }
        case "Log": { Foundation.log($0) }
        case "Reciprocal": { 1 / $0 }
        case "Sigmoid": { $0 >= 0 ? 1 / (1 + Foundation.exp(-$0)) : Foundation.exp($0) / (1 + Foundation.exp($0)) }
        case "Tanh": { Foundation.tanh($0) }
        case "Relu": { Swift.max($0, 0) }
        case "Floor": { $0.rounded(.down) }
        case "Ceil": { $0.rounded(.up) }
        case "Erf": { Foundation.erf($0) }
        default: nil
        }
    }
}

extension BinaryKernel {
    /// Add, Sub, Mul, Div and Pow in float64 when an operand is float64 (a float32 operand widens; Pow's
    /// integer exponent converts). nil when neither operand is float64.
    func forwardDouble(_ a: Tensor, _ b: Tensor, _ shape: [Int]) throws -> [Double]? {
        guard a.elementKind == .double || b.elementKind == .double else { return nil }
        let x: [Double]
        let y: [Double]
        if let (p, q) = Tensor.doubleOperands(a, b) {
            (x, y) = (p, q)
        } else if Op.opType == "Pow", a.elementKind == .double, b.elementKind == .int64 {
            (x, y) = (try a.asDoubles(), try b.asDoubles())
        } else {
            throw ctx.fail("operands must both be float64, got \(a.elementTypeName) and \(b.elementTypeName)")
        }
        try ctx.checkOutput(shape, .double)
        let f: (Double, Double) -> Double
        switch Op.opType {
        case "Add": f = { $0 + $1 }
        case "Sub": f = { $0 - $1 }
        case "Mul": f = { $0 * $1 }
        case "Div": f = { $0 / $1 }
        case "Pow": f = { Foundation.pow($0, $1) }
        default: throw ctx.fail("has no float64 path")
        }
        return Broadcast.binary(x, a.shape, y, b.shape, outShape: shape, f)
    }
}

extension SoftmaxFamilyKernel {
    /// Softmax / LogSoftmax in float64.
    func forwardDouble(_ xv: [Double], _ shape: [Int]) throws -> [Double] {
        let (outer, len, inner) = try slices.layout(shape, ctx)
        return Self.normalised(xv, outer: outer, len: len, inner: inner, reciprocal: false) {
            Foundation.exp($0)
        } log: {
            Foundation.log($0)
        }
    }
}

extension MatMulKernel {
    /// MatMul in float64 (cblas_dgemm) when an operand is float64.
    func forwardDouble(_ inputs: [Tensor?]) throws -> KernelOutput? {
        guard let (a, b, av, bv) = try ctx.doubleOperands(inputs) else { return nil }
        let p = try plan(a.shape, b.shape)
        try ctx.checkOutput(p.outShape, .double)
        let batches = p.aIndex.count
        var out = [Double](repeating: 0, count: batches * p.m * p.n)
        av.withUnsafeBufferPointer { pa in
            bv.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let A = pa.baseAddress, let B = pb.baseAddress, let C = pc.baseAddress else { return }
                    for i in 0..<batches {
                        BLAS.dgemm(
                            transA: false, transB: false, m: p.m, n: p.n, k: p.k,
                            a: A + p.aIndex[i] * p.m * p.k, lda: p.k, b: B + p.bIndex[i] * p.k * p.n, ldb: p.n,
                            c: C + i * p.m * p.n, ldc: p.n)
                    }
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: p.outShape, storage: .double(out))])
    }
}

extension GemmKernel {
    /// Gemm in float64 (cblas_dgemm) when an operand is float64.
    func forwardDouble(_ inputs: [Tensor?]) throws -> KernelOutput? {
        guard let (a, b, av, bv) = try ctx.doubleOperands(inputs) else { return nil }
        let (m, k, n) = try dims(a, b)
        try ctx.checkOutput([m, n], .double)
        let (initial, cBeta) = try initialC(inputs, m: m, n: n) { c in
            do throws(Tensor.ConversionError) { return try c.asDoubles() } catch {
                throw ctx.inputError(2, error.description)
            }
        }
        var out = initial
        av.withUnsafeBufferPointer { pa in
            bv.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let ba = pa.baseAddress, let bb = pb.baseAddress, let bc = pc.baseAddress else { return }
                    BLAS.dgemm(
                        transA: transA, transB: transB, m: m, n: n, k: k, alpha: Double(alpha),
                        a: ba, lda: a.shape[1], b: bb, ldb: b.shape[1], beta: cBeta, c: bc, ldc: n)
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: [m, n], storage: .double(out))])
    }
}
