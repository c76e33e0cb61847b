/// ONNX STFT (opset 17): the DFT of frames of a real `[batch, length, 1]` or complex `[…, 2]` signal, one frame
/// every `frame_step` samples, `frame_length` long (or the window's length), each multiplied by `window` when
/// given; `onesided` (default 1) keeps the first `⌊frame_length/2⌋ + 1` bins. Output
/// `[batch, frames, bins, 2]`. Not differentiable.
struct STFTKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "STFT"
    @NodeContext var ctx
    @Attribute var onesided: Bool = true

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xs) = try ctx.floatInput(inputs, 0)
        guard x.rank == 3, x.shape[2] == 1 || x.shape[2] == 2 else {
            throw ctx.inputError(0, "must be [batch, length, 1 or 2], got \(x.shape)")
        }
        let parts = x.shape[2]
        if onesided && parts == 2 { throw ctx.fail("onesided output needs a real signal") }
        guard let step = try ctx.intValues(inputs, 1).first, step > 0 else {
            throw ctx.inputError(1, "frame_step must be positive")
        }
        let window = try ctx.optionalInput(inputs, 2).map { try ctx.floats($0, input: 2) }
        let frameLength = try ctx.optionalIntValues(inputs, 3)?.first ?? window?.count
        guard let frameLength, frameLength > 0, frameLength <= x.shape[1] else {
            throw ctx.fail("frame_length (or the window's length) must be in 1...\(x.shape[1])")
        }
        if let window, window.count != frameLength {
            throw ctx.inputError(2, "has \(window.count) values but frame_length is \(frameLength)")
        }
        let (batch, length) = (x.shape[0], x.shape[1])
        let frames = (length - frameLength) / step + 1
        let bins = onesided ? frameLength / 2 + 1 : frameLength
        let outShape = [batch, frames, bins, 2]
        var (out, re, im) = try DFTKernel.buffers(
            ctx, outShape, transforms: batch * frames, points: frameLength, bins: bins,
            work: "the direct transforms need")
        for b in 0..<batch {
            for f in 0..<frames {
                for j in 0..<frameLength {
                    let at = (b * length + f * step + j) * parts
                    let w = Double(window?[j] ?? 1)
                    re[j] = Double(xs[at]) * w
                    im[j] = parts == 2 ? Double(xs[at + 1]) * w : 0
                }
                DFTKernel.transform(re: re, im: im, bins: bins, inverse: false, into: &out) { k in
                    ((b * frames + f) * bins + k) * 2
                }
            }
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: out)])
    }
}
