/// ONNX GlobalMaxPool: the maximum over all spatial dimensions of each (sample, channel),
/// keeping the spatial dimensions as size 1 (what torch.onnx emits for AdaptiveMaxPool to 1).
/// Its gradient goes to the first element that attains the maximum.
struct GlobalMaxPoolKernel: Kernel {
    static let opType = "GlobalMaxPool"

    private let context: NeuralNodeContext

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
    }

    /// The winning index within each plane.
    private struct Saved: Sendable {
        let winners: [Int]
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try context.floatInput(inputs, 0)
        guard x.shape.count >= 3 else { throw context.inputError(0, "must be (N, C, spatial…), got shape \(x.shape)") }
        let planes = x.shape[0] * x.shape[1], size = x.shape[2...].reduce(1, *)
        guard size > 0 else { throw context.inputError(0, "has an empty spatial extent, shape \(x.shape)") }
        var y = [Float](repeating: 0, count: planes)
        var winners = [Int](repeating: 0, count: planes)
        x.values.withUnsafeBufferPointer { xp in
            for p in 0..<planes {
                let base = p * size
                var best = xp[base], winner = 0
                for i in 1..<max(1, size) where xp[base + i] > best {
                    best = xp[base + i]
                    winner = i
                }
                y[p] = best
                winners[p] = winner
            }
        }
        let shape = Array(x.shape[0..<2]) + Array(repeating: 1, count: x.shape.count - 2)
        return KernelOutput(outputs: [Tensor(shape: shape, scalars: y)], saved: Saved(winners: winners))
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let x = try context.floatInput(inputs, 0)
        guard let dyTensor = outputGradients.first ?? nil else { return [nil] }
        guard let saved = forward.saved as? Saved, let dy = dyTensor.floats, dy.count == saved.winners.count else {
            throw context.inputError(0, "backward needs this kernel's own forward result and a matching gradient")
        }
        let size = x.values.count / max(1, dy.count)
        var dx = [Float](repeating: 0, count: x.values.count)
        for p in 0..<dy.count { dx[p * size + saved.winners[p]] = dy[p] }
        return [Tensor(shape: x.shape, scalars: dx)]
    }
}
