/// ONNX Reshape: 0 copies the input dimension (unless `allowzero`), -1 is inferred.
struct ReshapeKernel: ReshapingKernel {
    static let opType = "Reshape"
    let ctx: KernelContext
    let allowZero: Bool
    let shapeAttribute: [Int]?
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        allowZero = try ctx.flag("allowzero")
        shapeAttribute = opset < 5 ? try ctx.ints("shape") : nil
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let requested = try shapeAttribute ?? ctx.intValues(inputs, 1)
        var shape: [Int] = []
        var inferred: Int?
        for (i, d) in requested.enumerated() {
            if d == 0 && !allowZero {
                guard i < x.rank else { throw ctx.fail("shape \(requested) copies dimension \(i) of \(x.shape)") }
                shape.append(x.shape[i])
            } else if d == -1 {
                guard inferred == nil else { throw ctx.fail("shape \(requested) has more than one -1") }
                inferred = i
                shape.append(1)
            } else if d < 0 {
                throw ctx.fail("shape \(requested) has a negative dimension")
            } else {
                shape.append(d)
            }
        }
        if let i = inferred {
            guard let known = Shape.checkedCount(shape), known > 0, x.count % known == 0 else {
                throw ctx.fail("cannot reshape \(x.shape) (\(x.count) elements) to \(requested)")
            }
            shape[i] = x.count / known
        }
        guard Shape.checkedCount(shape) == x.count else {
            throw ctx.fail("cannot reshape \(x.shape) (\(x.count) elements) to \(requested)")
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}
