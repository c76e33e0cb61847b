/// Layout conversions and output packing for the recurrent kernels.
enum RecurrentLayout {
    /// Reorders (T, N, inner) into (N, T, inner).
    static func swapLeadingAxes(_ values: [Float], T: Int, N: Int, inner: Int) -> [Float] {
        var out = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for t in 0..<T {
                    for n in 0..<N {
                        let from = (t * N + n) * inner, to = (n * T + t) * inner
                        for i in 0..<inner { dst[to + i] = src[from + i] }
                    }
                }
            }
        }
        return out
    }

    /// The node's outputs from time-major Y (T, D, N, H) and final states (D, N, H):
    /// Y, Y_h and (for LSTM) Y_c, in layout 1 when `batchFirst`, as many as the node declares.
    static func outputs(
        y: [Float], finalH: [Float], finalC: [Float]?, T: Int, D: Int, N: Int, H: Int, batchFirst: Bool, count: Int
    ) -> [Tensor] {
        var result = [Tensor]()
        if batchFirst {
            // (T, D, N, H) → (N, T, D, H): swap (T·D, N) then it is (N, T·D, H).
            result.append(Tensor(shape: [N, T, D, H], scalars: swapLeadingAxes(y, T: T * D, N: N, inner: H)))
            result.append(Tensor(shape: [N, D, H], scalars: swapLeadingAxes(finalH, T: D, N: N, inner: H)))
            if let finalC {
                result.append(Tensor(shape: [N, D, H], scalars: swapLeadingAxes(finalC, T: D, N: N, inner: H)))
            }
        } else {
            result.append(Tensor(shape: [T, D, N, H], scalars: y))
            result.append(Tensor(shape: [D, N, H], scalars: finalH))
            if let finalC { result.append(Tensor(shape: [D, N, H], scalars: finalC)) }
        }
        return Array(result.prefix(max(1, count)))
    }

    /// Output gradients rearranged time-major: dY (T, D, N, H), dY_h and dY_c (D, N, H), zeros when absent.
    static func outputGradients(
        _ gradients: [Tensor?], T: Int, D: Int, N: Int, H: Int, batchFirst: Bool
    ) -> (dY: [Float], dH: [Float], dC: [Float]) {
        func values(_ k: Int, count: Int) -> [Float]? {
            guard k < gradients.count, let v = gradients[k]?.floats, v.count == count else { return nil }
            return v
        }
        var dY = [Float](repeating: 0, count: T * D * N * H)
        var dH = [Float](repeating: 0, count: D * N * H)
        var dC = dH
        if let v = values(0, count: dY.count) { dY = batchFirst ? swapLeadingAxes(v, T: N, N: T * D, inner: H) : v }
        if let v = values(1, count: dH.count) { dH = batchFirst ? swapLeadingAxes(v, T: N, N: D, inner: H) : v }
        if let v = values(2, count: dC.count) { dC = batchFirst ? swapLeadingAxes(v, T: N, N: D, inner: H) : v }
        return (dY, dH, dC)
    }
}
