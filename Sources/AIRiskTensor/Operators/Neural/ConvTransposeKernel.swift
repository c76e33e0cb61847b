/// ONNX ConvTranspose over any number of spatial dimensions: `strides`, `dilations`, `group`,
/// `pads` or `auto_pad`, `output_padding` and `output_shape`, as the specification computes them.
/// Each input element scatters its kernel-weighted copies into the output. Not differentiable.
struct ConvTransposeKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "ConvTranspose"
    @NodeContext var ctx
    @Attribute var group = 1
    @Attribute("auto_pad") var autoPad = "NOTSET"

    func validate() throws {
        guard group > 0 else { throw ctx.attributeError("group", "must be positive") }
    }

    struct Plan {
        var outSpatial: [Int]
        var padBegin: [Int]
        var strides: [Int]
        var dilations: [Int]
    }

    /// The output's spatial shape and the padding, from the input and kernel spatial shapes.
    func plan(input: [Int], kernel: [Int]) throws -> Plan {
        let k = input.count
        let strides = try ctx.ints("strides") ?? [Int](repeating: 1, count: k)
        let dilations = try ctx.ints("dilations") ?? [Int](repeating: 1, count: k)
        let outputPadding = try ctx.ints("output_padding") ?? [Int](repeating: 0, count: k)
        var pads = try ctx.ints("pads") ?? [Int](repeating: 0, count: 2 * k)
        guard strides.count == k, dilations.count == k, outputPadding.count == k, pads.count == 2 * k,
            strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 })
        else { throw ctx.fail("strides, dilations, output_padding and pads must match \(k) spatial dimensions") }
        let requested = try ctx.ints("output_shape").map { Array($0.suffix(k)) }
        var out: [Int] = []
        for i in 0..<k {
            let full = strides[i] * (input[i] - 1) + outputPadding[i] + (kernel[i] - 1) * dilations[i] + 1
            if let requested {
                let total = full - requested[i]
                let half = total >= 0 ? total / 2 : (total - 1) / 2  // floor division, as the spec's formula
                if autoPad == "SAME_UPPER" {
                    pads[i] = half
                    pads[i + k] = total - half
                } else {
                    pads[i] = total - half
                    pads[i + k] = half
                }
                out.append(requested[i])
            } else if autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" {
                let target = input[i] * strides[i]
                let total = max(full - target, 0)
                let half = total / 2
                pads[i] = autoPad == "SAME_UPPER" ? half : total - half
                pads[i + k] = total - pads[i]
                out.append(target)
            } else {
                out.append(full - pads[i] - pads[i + k])
            }
        }
        guard out.allSatisfy({ $0 >= 0 }), Shape.checkedCount(out) != nil else {
            throw ctx.fail("the output spatial shape \(out) is invalid")
        }
        return Plan(outSpatial: out, padBegin: Array(pads[..<k]), strides: strides, dilations: dilations)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let (x, xv) = try ctx.floatInput(inputs, 0)
        let (w, wv) = try ctx.floatInput(inputs, 1)
        guard x.rank >= 3, w.rank == x.rank, w.shape[0] == x.shape[1], x.shape[1] % group == 0 else {
            throw ctx.fail("input \(x.shape) and weights \(w.shape) do not fit (group \(group))")
        }
        let n = x.shape[0]
        let c = x.shape[1]
        let perGroupOut = w.shape[1]
        let m = perGroupOut * group
        let spatialIn = Array(x.shape[2...])
        let kernel = Array(w.shape[2...])
        let p = try plan(input: spatialIn, kernel: kernel)
        let bias = try ctx.optionalInput(inputs, 2).map { try ctx.floats($0, input: 2) }
        let outShape = [n, m] + p.outSpatial
        guard let total = Shape.checkedCount(outShape) else { throw ctx.fail("output \(outShape) is too large") }
        try ctx.checkOutput(outShape, .float)
        var y = [Float](repeating: 0, count: total)
        let inCount = Shape.count(spatialIn)
        let kCount = Shape.count(kernel)
        let outCount = Shape.count(p.outSpatial)
        let inStrides = Shape.strides(spatialIn)
        let kStrides = Shape.strides(kernel)
        let outStrides = Shape.strides(p.outSpatial)
        let dims = spatialIn.count
        let perGroupIn = c / group
        for b in 0..<n {
            for ch in 0..<c {
                let g = ch / perGroupIn
                for pi in 0..<inCount {
                    let value = xv[(b * c + ch) * inCount + pi]
                    if value == 0 { continue }
                    for q in 0..<kCount {
                        var offset = 0
                        var inside = true
                        for d in 0..<dims {
                            let ip = (pi / inStrides[d]) % spatialIn[d]
                            let kq = (q / kStrides[d]) % kernel[d]
                            let o = ip * p.strides[d] + kq * p.dilations[d] - p.padBegin[d]
                            if o < 0 || o >= p.outSpatial[d] {
                                inside = false
                                break
                            }
                            offset += o * outStrides[d]
                        }
                        if !inside { continue }
                        for mo in 0..<perGroupOut {
                            let out = g * perGroupOut + mo
                            y[(b * m + out) * outCount + offset] += value * wv[(ch * perGroupOut + mo) * kCount + q]
                        }
                    }
                }
            }
        }
        if let bias {
            guard bias.count == m else { throw ctx.inputError(2, "must hold \(m) values") }
            for b in 0..<n { for o in 0..<m { for s in 0..<outCount { y[(b * m + o) * outCount + s] += bias[o] } } }
        }
        return KernelOutput(outputs: [Tensor(shape: outShape, scalars: y)])
    }
}
