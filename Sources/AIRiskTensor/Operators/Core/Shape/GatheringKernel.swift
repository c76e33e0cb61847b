/// A kernel whose output reads every element from one place of input 0 (Gather, GatherElements, Tile,
/// DepthToSpace, SpaceToDepth): forward gathers through the index map, backward scatter-adds the output
/// gradient back through it. Only input 0 receives a gradient.
protocol GatheringKernel: Kernel {
    /// Input 0, the output shape and, per output element, the flat offset in input 0 that it reads.
    func sourceMap(_ inputs: [Tensor?]) throws -> (data: Tensor, shape: [Int], map: [Int])
}

extension GatheringKernel {
    func passesGradient(fromInput index: Int) -> Bool { index == 0 }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (data, shape, map) = try sourceMap(inputs)
        return KernelOutput(outputs: [Tensor(shape: shape, storage: data.storage.gathered(map))])
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        guard let g = outputGradients.first ?? nil, let gv = g.floats else { return inputs.map { _ in nil } }
        let (data, _, map) = try sourceMap(inputs)
        let dData = Tensor(shape: data.shape, scalars: IndexMap.scatterAdd(gv, map: map, count: data.count))
        return [dData] + inputs.dropFirst().map { _ in nil }
    }
}
