import AIRiskTensor

/// Compares an engine output with an expected tensor the way the ONNX backend tests do:
/// |actual − expected| ≤ atol + rtol·|expected| for floats (NaN matches NaN), exact otherwise.
enum TensorComparison {
    /// nil when the tensors match, otherwise a description of the first difference.
    static func mismatch(actual: Tensor, expected: Tensor, rtol: Float, atol: Float) -> String? {
        guard actual.shape == expected.shape || (actual.count == expected.count && actual.count <= 1) else {
            return "shape \(actual.shape), expected \(expected.shape)"
        }
        switch (actual.storage, expected.storage) {
        case (.float(let a), .float(let e)):
            for i in 0..<e.count {
                let (x, y) = (a[i], e[i])
                if x.isNaN && y.isNaN { continue }
                if x == y { continue }
                if !(abs(x - y) <= atol + rtol * abs(y)) {
                    return "element \(i): \(x), expected \(y) (rtol \(rtol), atol \(atol))"
                }
            }
            return nil
        case (.double, .double), (.double, .float), (.float, .double):
            // float64 outputs compare in float64 (a node without a float64 path answers float32, within tolerance).
            guard let a = try? actual.asDoubles(), let e = try? expected.asDoubles() else { return "not numeric" }
            for i in 0..<e.count {
                let (x, y) = (a[i], e[i])
                if x.isNaN && y.isNaN { continue }
                if x == y { continue }
                if !(abs(x - y) <= Double(atol) + Double(rtol) * abs(y)) {
                    return "element \(i): \(x), expected \(y) (rtol \(rtol), atol \(atol))"
                }
            }
            return nil
        case (.int64(let a), .int64(let e)):
            return a == e ? nil : "int64 values \(a.prefix(8)), expected \(e.prefix(8))"
        case (.bool(let a), .bool(let e)):
            return a == e ? nil : "bool values \(a.prefix(8)), expected \(e.prefix(8))"
        case (.string(let a), .string(let e)):
            return a == e ? nil : "strings \(a.prefix(8)), expected \(e.prefix(8))"
        default:
            return "element type \(actual.elementTypeName), expected \(expected.elementTypeName)"
        }
    }
}
