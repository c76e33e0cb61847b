/// Unfolds convolution windows into matrix columns (and folds gradients back), so that a
/// convolution becomes one matrix product per group.
///
/// The column matrix for `channels` input channels has one row per (channel, kernel offset)
/// and one column per output position; several batch samples sit side by side, sample `b`
/// starting at column `b · outputSize`.
enum Im2Col {
    /// Writes the columns of one sample. `image` points at the sample's first channel of the
    /// group; `columns` at row 0, column `b · outputSize`; `rowStride` is the matrix width.
    static func unfold(
        image: UnsafePointer<Float>, channels: Int, plan: SpatialPlan,
        columns: UnsafeMutablePointer<Float>, rowStride: Int
    ) {
        walk(plan: plan, channels: channels) { row, src, dstColumn, count in
            let dst = columns + (row &* rowStride &+ dstColumn)
            if let src {
                let source = image + src
                for i in 0..<count { dst[i] = source[i] }
            } else if count == 1 {
                // A one-wide padding edge (3×3 windows, pad 1): a store, not a call to memset.
                dst.pointee = 0
            } else {
                dst.update(repeating: 0, count: count)
            }
        } element: { row, srcIndex, dstColumn in
            columns[row &* rowStride &+ dstColumn] = srcIndex >= 0 ? image[srcIndex] : 0
        }
    }

    /// Adds the columns of one sample back onto its image gradient (the adjoint of ``unfold``).
    static func fold(
        columns: UnsafePointer<Float>, rowStride: Int, channels: Int, plan: SpatialPlan,
        image: UnsafeMutablePointer<Float>
    ) {
        walk(plan: plan, channels: channels) { row, src, dstColumn, count in
            guard let src else { return }
            let source = columns + (row &* rowStride &+ dstColumn)
            let target = image + src
            for i in 0..<count { target[i] += source[i] }
        } element: { row, srcIndex, dstColumn in
            if srcIndex >= 0 { image[srcIndex] += columns[row &* rowStride &+ dstColumn] }
        }
    }

    /// Visits every (column row, output position) pair. Runs of output positions along the
    /// last axis that read contiguous, in-bounds input (stride 1) go to `run` in one call; the
    /// rest go to `element` with input index -1 for padding.
    @inline(__always)
    private static func walk(
        plan: SpatialPlan, channels: Int,
        run: (_ row: Int, _ src: Int?, _ column: Int, _ count: Int) -> Void,
        element: (_ row: Int, _ srcIndex: Int, _ column: Int) -> Void
    ) {
        let (inD, inH, inW) = (plan.input[0], plan.input[1], plan.input[2])
        let (kD, kH, kW) = (plan.kernel[0], plan.kernel[1], plan.kernel[2])
        let (oD, oH, oW) = (plan.output[0], plan.output[1], plan.output[2])
        let (sD, sH, sW) = (plan.stride[0], plan.stride[1], plan.stride[2])
        let (dD, dH, dW) = (plan.dilation[0], plan.dilation[1], plan.dilation[2])
        let (pD, pH, pW) = (plan.padBegin[0], plan.padBegin[1], plan.padBegin[2])
        let planeSize = inD &* inH &* inW
        var row = 0
        for c in 0..<channels {
            let channelBase = c &* planeSize
            for kd in 0..<kD {
                for kh in 0..<kH {
                    for kw in 0..<kW {
                        var column = 0
                        for od in 0..<oD {
                            let id = od &* sD &- pD &+ kd &* dD
                            if id < 0 || id >= inD {
                                run(row, nil, column, oH &* oW)
                                column &+= oH &* oW
                                continue
                            }
                            for oh in 0..<oH {
                                let ih = oh &* sH &- pH &+ kh &* dH
                                if ih < 0 || ih >= inH {
                                    run(row, nil, column, oW)
                                    column &+= oW
                                    continue
                                }
                                let lineBase = channelBase &+ (id &* inH &+ ih) &* inW
                                let offset = kw &* dW &- pW
                                if sW == 1 {
                                    // Output positions [lo, hi) read input offset+lo ..< offset+hi.
                                    let lo = min(oW, max(0, -offset))
                                    let hi = max(lo, min(oW, inW &- offset))
                                    if lo > 0 { run(row, nil, column, lo) }
                                    if hi > lo { run(row, lineBase &+ offset &+ lo, column &+ lo, hi &- lo) }
                                    if oW > hi { run(row, nil, column &+ hi, oW &- hi) }
                                } else {
                                    for ow in 0..<oW {
                                        let iw = ow &* sW &+ offset
                                        element(row, iw >= 0 && iw < inW ? lineBase &+ iw : -1, column &+ ow)
                                    }
                                }
                                column &+= oW
                            }
                        }
                        row &+= 1
                    }
                }
            }
        }
    }
}
