/// ONNX GlobalAveragePool: the mean over all spatial dimensions of each (sample, channel),
/// keeping the spatial dimensions as size 1. Its gradient spreads evenly over the plane.
struct GlobalAveragePoolKernel: Kernel {
    static let opType = "GlobalAveragePool"

    private let context: NeuralNodeContext

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
    }

    private func planes(_ inputs: [Tensor?]) throws -> (shape: [Int], values: [Float], planes: Int, size: Int) {
        let x = try context.floatInput(inputs, 0)
        guard x.shape.count >= 2 else { throw context.inputError(0, "must be (N, C, spatial…), got shape \(x.shape)") }
        let planes = x.shape[0] * x.shape[1]
        return (x.shape, x.values, planes, x.shape[2...].reduce(1, *))
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try planes(inputs)
        var y = [Float](repeating: 0, count: x.planes)
        let scale = x.size > 0 ? 1 / Float(x.size) : 0
        x.values.withUnsafeBufferPointer { xp in
            for p in 0..<x.planes {
                var sum: Float = 0
                let base = p * x.size
                for i in 0..<x.size { sum += xp[base + i] }
                y[p] = sum * scale
            }
        }
        let shape = Array(x.shape[0..<2]) + Array(repeating: 1, count: x.shape.count - 2)
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let x = try planes(inputs)
        guard let dyTensor = outputGradients.first ?? nil else { return [nil] }
        guard let dy = dyTensor.floats, dy.count == x.planes else {
            throw context.inputError(0, "received an output gradient of shape \(dyTensor.shape)")
        }
        let scale = x.size > 0 ? 1 / Float(x.size) : 0
        var dx = [Float](repeating: 0, count: x.values.count)
        dx.withUnsafeMutableBufferPointer { dxp in
            for p in 0..<x.planes {
                let g = dy[p] * scale
                let base = p * x.size
                for i in 0..<x.size { dxp[base + i] = g }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx)]
    }
}
