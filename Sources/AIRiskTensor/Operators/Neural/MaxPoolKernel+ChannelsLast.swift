extension MaxPoolKernel {
    /// Max pooling of a channels-last float32 image, physically (N, H, W, C) (see ``ChannelsLast``), for the
    /// inference plan's steps between convolutions. Each window is reduced over whole channel rows, which vectorise,
    /// instead of one plane at a time. The result is channels-last when `channelsLastOutput` is true, else the graph's
    /// (N, C, OH, OW). The maximum is taken in the window table's order with the same comparison as
    /// ``forward(_:)``, so the values are identical to it. Nil when the call needs the graph's layout: a second
    /// output (Indices), another element type, or an input that is not 4-D.
    func forwardChannelsLast(_ x: Tensor, channelsLastOutput: Bool) throws -> Tensor? {
        guard context.outputCount == 1, x.rank == 4, case .float(let values) = x.storage, !values.isEmpty else {
            return nil
        }
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (plan, table) = try pooling.table(spatial: [h, w], planes: n * c)
        let inSize = plan.inputSize, outSize = plan.outputSize
        let count = n * outSize * c
        var row = [Float](repeating: 0, count: c)
        let y = [Float](unsafeUninitializedCapacity: count) { yp, initialized in
            values.withUnsafeBufferPointer { xp in
                table.indices.withUnsafeBufferPointer { ip in
                    table.starts.withUnsafeBufferPointer { sp in
                        row.withUnsafeMutableBufferPointer { rp in
                            guard let src = xp.baseAddress, let out = yp.baseAddress, let scratch = rp.baseAddress
                            else { return }
                            for b in 0..<n {
                                let image = src + b &* inSize &* c
                                for o in 0..<outSize {
                                    let best = channelsLastOutput ? out + (b &* outSize &+ o) &* c : scratch
                                    let first = sp[o], end = sp[o &+ 1]
                                    if first < end {
                                        // Eight channels at a time, each through the whole window, then the rest.
                                        var k = 0
                                        while k &+ 8 <= c {
                                            let start: Int = Int(ip[first]) &* c &+ k
                                            var m = UnsafeRawPointer(image + start).loadUnaligned(as: SIMD8<Float>.self)
                                            var j = first &+ 1
                                            while j < end {
                                                let at: Int = Int(ip[j]) &* c &+ k
                                                let v = UnsafeRawPointer(image + at).loadUnaligned(
                                                    as: SIMD8<Float>.self)
                                                m.replace(with: v, where: v .> m)
                                                j &+= 1
                                            }
                                            UnsafeMutableRawPointer(best + k).storeBytes(of: m, as: SIMD8<Float>.self)
                                            k &+= 8
                                        }
                                        while k < c {
                                            var m = image[Int(ip[first]) &* c &+ k]
                                            var j = first &+ 1
                                            while j < end {
                                                let v = image[Int(ip[j]) &* c &+ k]
                                                m = v > m ? v : m
                                                j &+= 1
                                            }
                                            best[k] = m
                                            k &+= 1
                                        }
                                    } else {
                                        best.update(repeating: -.infinity, count: c)
                                    }
                                    if !channelsLastOutput {
                                        let plane = out + (b &* c &* outSize &+ o)
                                        for k in 0..<c { plane[k &* outSize] = best[k] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = count
        }
        let (oh, ow) = (plan.output[1], plan.output[2])
        return Tensor(shape: channelsLastOutput ? [n, oh, ow, c] : [n, c, oh, ow], scalars: y)
    }
}
