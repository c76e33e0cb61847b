/// ONNX MaxUnpool (opsets 9–11): the partial inverse of MaxPool. The unpooled tensor,
/// `(in − 1) · stride + kernel − pad_begin − pad_end` long per spatial axis, is zero except at the flat positions
/// `I` names, which receive the values of `X`; a larger `output_shape` pads it with zeros at the end of each axis.
/// Not differentiable.
struct MaxUnpoolKernel: ForwardOnlyKernel {
    static let opType = "MaxUnpool"
    let ctx: KernelContext
    let kernelShape: [Int]
    let strides: [Int]?
    let pads: [Int]?

    init(node: Node, opset: Int) throws {
        ctx = KernelContext(node)
        guard let k = try ctx.ints("kernel_shape"), !k.isEmpty, k.allSatisfy({ $0 > 0 }) else {
            throw ctx.attributeError("kernel_shape", "is required and must be positive")
        }
        kernelShape = k
        strides = try ctx.ints("strides")
        pads = try ctx.ints("pads")
        if let strides, strides.count != k.count || strides.contains(where: { $0 <= 0 }) {
            throw ctx.attributeError("strides", "must hold \(k.count) positive values")
        }
        if let pads, pads.count != 2 * k.count || pads.contains(where: { $0 < 0 }) {
            throw ctx.attributeError("pads", "must hold \(2 * k.count) non-negative values")
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        let indices = try ctx.intValues(inputs, 1)
        let spatial = kernelShape.count
        guard x.rank == spatial + 2 else {
            throw ctx.inputError(0, "must be (N, C, \(spatial) spatial axes), got \(x.shape)")
        }
        guard indices.count == x.count else { throw ctx.inputError(1, "must have the shape of X \(x.shape)") }
        var inferred = Array(x.shape[0..<2])
        for d in 0..<spatial {
            let stride = strides?[d] ?? 1
            let pad = (pads?[d] ?? 0) + (pads?[d + spatial] ?? 0)
            inferred.append((x.shape[d + 2] - 1) * stride + kernelShape[d] - pad)
        }
        guard inferred.allSatisfy({ $0 >= 0 }) else { throw ctx.fail("the unpooled shape \(inferred) is negative") }
        try ctx.checkOutput(inferred, .float)
        var unpooled = [Float](repeating: 0, count: inferred.reduce(1, *))
        for (k, i) in indices.enumerated() {
            guard i >= 0 && i < unpooled.count else {
                throw ctx.inputError(1, "index \(i) is outside the unpooled tensor of \(unpooled.count) elements")
            }
            unpooled[i] = xs[k]
        }
        guard let shape = try ctx.optionalIntValues(inputs, 2) else {
            return KernelOutput(outputs: [Tensor(shape: inferred, scalars: unpooled)])
        }
        // An output_shape larger than the inferred one pads at the end of each axis (as the ONNX reference does).
        guard shape.count == x.rank, zip(shape, inferred).allSatisfy({ $0 >= $1 }) else {
            throw ctx.inputError(2, "must hold \(x.rank) sizes, each at least the unpooled \(inferred), got \(shape)")
        }
        try ctx.checkOutput(shape, .float)
        var out = [Float](repeating: 0, count: shape.reduce(1, *))
        let from = Shape.strides(inferred)
        let to = Shape.strides(shape)
        for i in unpooled.indices where unpooled[i] != 0 {
            var rest = i
            var target = 0
            for d in inferred.indices {
                target += (rest / from[d]) * to[d]
                rest %= from[d]
            }
            out[target] = unpooled[i]
        }
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: out)])
    }
}
