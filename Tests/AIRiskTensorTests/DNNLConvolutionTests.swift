#if canImport(CDNNL)
    import Testing

    @testable import AIRiskTensor

    /// oneDNN's direct convolution, which `ConvKernel.forward` takes on x86-64, against a convolution written out as
    /// loops: every geometry the engine's models use must get a primitive (no silent fall-back) and the same answer.
    @Suite("oneDNN convolution")
    struct DNNLConvolutionTests {
        struct Case: Sendable, CustomStringConvertible {
            var batch = 2, channels = 4, filters = 8, group = 1
            var spatial = [7, 6], kernel = [3, 3], stride = [1, 1], dilation = [1, 1]
            var padBegin = [1, 1], padEnd = [1, 1]
            var bias = true
            var description: String {
                "N\(batch) C\(channels) F\(filters) g\(group) in \(spatial) k\(kernel) s\(stride) d\(dilation) "
                    + "pads \(padBegin)/\(padEnd) bias \(bias)"
            }
            var output: [Int] {
                spatial.indices.map { i in
                    (spatial[i] + padBegin[i] + padEnd[i] - dilation[i] * (kernel[i] - 1) - 1) / stride[i] + 1
                }
            }
        }

        static let cases: [Case] = [
            Case(),  // a ResNet block's 3×3, padding 1
            Case(channels: 3, filters: 16, spatial: [8, 8]),  // a stem on RGB
            Case(stride: [2, 2]),  // a downsampling 3×3
            Case(kernel: [1, 1], stride: [2, 2], padBegin: [0, 0], padEnd: [0, 0]),  // a projection shortcut
            Case(channels: 8, filters: 8, group: 8, bias: false),  // depthwise
            Case(channels: 4, filters: 6, group: 2, dilation: [2, 2], padBegin: [2, 1], padEnd: [0, 2]),
            Case(batch: 1, spatial: [11], kernel: [3], stride: [2], dilation: [1], padBegin: [1], padEnd: [0]),  // 1-D
            Case(
                batch: 1, channels: 2, filters: 3, spatial: [4, 5, 3], kernel: [2, 3, 2], stride: [1, 1, 1],
                dilation: [1, 1, 1], padBegin: [0, 1, 1], padEnd: [1, 1, 0]),  // 3-D
        ]

        @Test("matches a loop convolution on the engine's geometries", arguments: cases)
        func matchesLoops(_ c: Case) throws {
            var rng = SeededGenerator(seed: 7)
            let inputShape = [c.batch, c.channels] + c.spatial
            let weightShape = [c.filters, c.channels / c.group] + c.kernel
            let x = (0..<inputShape.reduce(1, *)).map { _ in Float.random(in: -1...1, using: &rng) }
            let w = (0..<weightShape.reduce(1, *)).map { _ in Float.random(in: -1...1, using: &rng) }
            let b = (0..<c.filters).map { _ in Float.random(in: -1...1, using: &rng) }
            let outputShape = [c.batch, c.filters] + c.output
            let shape = DNNLConvolution.Shape(
                input: inputShape, weights: weightShape, output: outputShape, group: c.group, hasBias: c.bias,
                stride: c.stride, dilation: c.dilation, padBegin: c.padBegin, padEnd: c.padEnd)
            let direct = DNNLConvolution()
            for call in 0..<2 {  // the second call reuses the primitive and the packed weights
                var y = [Float](repeating: .nan, count: outputShape.reduce(1, *))
                let ran = x.withUnsafeBufferPointer { xp in
                    b.withUnsafeBufferPointer { bp in
                        y.withUnsafeMutableBufferPointer { yp in
                            direct.run(
                                shape, input: xp.baseAddress!, weights: w, bias: c.bias ? bp.baseAddress! : nil,
                                output: yp.baseAddress!)
                        }
                    }
                }
                #expect(ran, "oneDNN built no primitive for \(c)")
                let want = Self.loops(c, x: x, w: w, b: c.bias ? b : nil)
                var worst: Float = 0
                for i in want.indices { worst = max(worst, abs(y[i] - want[i]) / max(1, abs(want[i]))) }
                #expect(worst <= 1e-5, "call \(call): largest relative difference \(worst)")
            }
        }

        /// The convolution as nested loops over flattened spatial positions (rank 1–3).
        static func loops(_ c: Case, x: [Float], w: [Float], b: [Float]?) -> [Float] {
            let rank = c.spatial.count
            func strides(_ dims: [Int]) -> [Int] {
                var s = [Int](repeating: 1, count: dims.count)
                for i in stride(from: dims.count - 2, through: 0, by: -1) { s[i] = s[i + 1] * dims[i + 1] }
                return s
            }
            func positions(_ dims: [Int]) -> [[Int]] {
                dims.reduce([[]]) { acc, d in acc.flatMap { p in (0..<d).map { p + [$0] } } }
            }
            let out = c.output, inSize = c.spatial.reduce(1, *), outSize = out.reduce(1, *)
            let kSize = c.kernel.reduce(1, *), cg = c.channels / c.group, fg = c.filters / c.group
            let inStrides = strides(c.spatial), kStrides = strides(c.kernel), outStrides = strides(out)
            var y = [Float](repeating: 0, count: c.batch * c.filters * outSize)
            for n in 0..<c.batch {
                for f in 0..<c.filters {
                    let grp = f / fg
                    for o in positions(out) {
                        var sum = b?[f] ?? 0
                        for ci in 0..<cg {
                            for k in positions(c.kernel) {
                                var offset = 0, inside = true
                                for i in 0..<rank {
                                    let p = o[i] * c.stride[i] - c.padBegin[i] + k[i] * c.dilation[i]
                                    if p < 0 || p >= c.spatial[i] { inside = false }
                                    offset += p * inStrides[i]
                                }
                                guard inside else { continue }
                                let xi = (n * c.channels + grp * cg + ci) * inSize + offset
                                let wi = (f * cg + ci) * kSize + zip(k, kStrides).map(*).reduce(0, +)
                                sum += x[xi] * w[wi]
                            }
                        }
                        y[(n * c.filters + f) * outSize + zip(o, outStrides).map(*).reduce(0, +)] = sum
                    }
                }
            }
            return y
        }
    }
#endif
