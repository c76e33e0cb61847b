/// For every output position of a pooling window, the in-bounds input positions it covers
/// (indices within one channel plane), built once per call and shared by all planes.
struct PoolWindowTable: Sendable {
    /// Window `o` covers `indices[starts[o] ..< starts[o + 1]]`.
    let starts: [Int]
    let indices: [Int32]
    /// Per window, how many of its positions lie inside the input plus its explicit padding
    /// (AveragePool's divisor when count_include_pad = 1).
    let paddedCounts: [Int32]

    init(plan: SpatialPlan) {
        var starts = [Int]()
        starts.reserveCapacity(plan.outputSize + 1)
        var indices = [Int32]()
        indices.reserveCapacity(plan.outputSize * plan.kernelSize)
        var paddedCounts = [Int32]()
        paddedCounts.reserveCapacity(plan.outputSize)
        let size = plan.input, kernel = plan.kernel, stride = plan.stride, dilation = plan.dilation
        let begin = plan.padBegin, end = plan.padEnd
        // Per dimension and output coordinate: in-bounds input coordinates and the padded count.
        var axisCoordinates = [[[Int]]]()
        var axisPadded = [[Int]]()
        for axis in 0..<SpatialPlan.maxRank {
            var coordinates = [[Int]]()
            var padded = [Int]()
            for o in 0..<plan.output[axis] {
                var valid = [Int]()
                var count = 0
                for k in 0..<kernel[axis] {
                    let i = o * stride[axis] - begin[axis] + k * dilation[axis]
                    if i >= -begin[axis] && i < size[axis] + end[axis] { count += 1 }
                    if i >= 0 && i < size[axis] { valid.append(i) }
                }
                coordinates.append(valid)
                padded.append(count)
            }
            axisCoordinates.append(coordinates)
            axisPadded.append(padded)
        }
        for od in 0..<plan.output[0] {
            for oh in 0..<plan.output[1] {
                for ow in 0..<plan.output[2] {
                    starts.append(indices.count)
                    for id in axisCoordinates[0][od] {
                        for ih in axisCoordinates[1][oh] {
                            let line = (id * size[1] + ih) * size[2]
                            for iw in axisCoordinates[2][ow] { indices.append(Int32(line + iw)) }
                        }
                    }
                    paddedCounts.append(Int32(axisPadded[0][od] * axisPadded[1][oh] * axisPadded[2][ow]))
                }
            }
        }
        starts.append(indices.count)
        self.starts = starts
        self.indices = indices
        self.paddedCounts = paddedCounts
    }
}
