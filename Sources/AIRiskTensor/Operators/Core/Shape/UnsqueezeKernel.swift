/// ONNX Unsqueeze: axes (of the output) from the attribute (opset < 13) or the second input.
struct UnsqueezeKernel: ReshapingKernel {
    static let opType = "Unsqueeze"
    let ctx: KernelContext
    let axesAttribute: [Int]?
    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        if opset < 13 {
            guard let a = try ctx.ints("axes") else { throw ctx.attributeError("axes", "is required") }
            axesAttribute = a
        } else {
            axesAttribute = nil
        }
    }
    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let axes = try axesAttribute ?? ctx.intValues(inputs, 1)
        let rank = x.rank + axes.count
        var inserted = Set<Int>()
        for a in axes {
            let n = try ctx.axis(a, rank: rank)
            guard inserted.insert(n).inserted else { throw ctx.fail("axis \(a) is repeated in \(axes)") }
        }
        var shape: [Int] = []
        var next = 0
        for i in 0..<rank {
            if inserted.contains(i) {
                shape.append(1)
            } else {
                shape.append(x.shape[next])
                next += 1
            }
        }
        return KernelOutput(outputs: [Tensor(shape: shape, storage: x.storage)])
    }
}
