import Synchronization

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
        let size = plan.input, kernel = plan.kernel, stride = plan.stride, dilation = plan.dilation
        let begin = plan.padBegin, end = plan.padEnd
        // Per dimension and output coordinate o: the in-bounds input coordinates
        // coordinates[axis][first[axis][o] ..< first[axis][o + 1]] and the padded count. Flat arrays: this runs on
        // every call, and nested arrays cost a retain and release per access.
        var first = [[Int]](), coordinates = [[Int]](), padded = [[Int]]()
        for axis in 0..<SpatialPlan.maxRank {
            var axisFirst = [0], axisCoordinates = [Int](), axisPadded = [Int]()
            axisCoordinates.reserveCapacity(plan.output[axis] * kernel[axis])
            for o in 0..<plan.output[axis] {
                var count = 0
                for k in 0..<kernel[axis] {
                    let i = o * stride[axis] - begin[axis] + k * dilation[axis]
                    if i >= -begin[axis] && i < size[axis] + end[axis] { count += 1 }
                    if i >= 0 && i < size[axis] { axisCoordinates.append(i) }
                }
                axisFirst.append(axisCoordinates.count)
                axisPadded.append(count)
            }
            first.append(axisFirst)
            coordinates.append(axisCoordinates)
            padded.append(axisPadded)
        }
        var starts = [Int]()
        starts.reserveCapacity(plan.outputSize + 1)
        var indices = [Int32]()
        indices.reserveCapacity(plan.outputSize * plan.kernelSize)
        var paddedCounts = [Int32]()
        paddedCounts.reserveCapacity(plan.outputSize)
        let (firstD, firstH, firstW) = (first[0], first[1], first[2])
        let (coordD, coordH, coordW) = (coordinates[0], coordinates[1], coordinates[2])
        let (padD, padH, padW) = (padded[0], padded[1], padded[2])
        for od in 0..<plan.output[0] {
            for oh in 0..<plan.output[1] {
                for ow in 0..<plan.output[2] {
                    starts.append(indices.count)
                    for d in firstD[od]..<firstD[od + 1] {
                        for h in firstH[oh]..<firstH[oh + 1] {
                            let line = (coordD[d] * size[1] + coordH[h]) * size[2]
                            for x in firstW[ow]..<firstW[ow + 1] { indices.append(Int32(line + coordW[x])) }
                        }
                    }
                    paddedCounts.append(Int32(padD[od] * padH[oh] * padW[ow]))
                }
            }
        }
        starts.append(indices.count)
        self.starts = starts
        self.indices = indices
        self.paddedCounts = paddedCounts
    }
}
