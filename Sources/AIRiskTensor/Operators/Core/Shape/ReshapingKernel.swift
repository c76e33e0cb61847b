/// Kernels that only change the shape: the gradient is the output gradient reshaped back.
protocol ReshapingKernel: Kernel {}

extension ReshapingKernel {
    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let x = inputs.first ?? nil else { return [nil] }
        return [Tensor(shape: x.shape, storage: g.storage)]
    }
}
