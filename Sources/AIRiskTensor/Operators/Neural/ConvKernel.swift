/// ONNX Conv (opsets 1–22): 1-D, 2-D and 3-D convolution with pads, strides, dilations,
/// groups, auto_pad and an optional bias, computed as im2col followed by one sgemm per group
/// and batch chunk. The backward pass gives gradients for the input, the weights and the bias.
struct ConvKernel: Kernel {
    static let opType = "Conv"

    private let context: NeuralNodeContext
    private let window: SpatialWindow
    private let group: Int
    #if canImport(CDNNL)
        /// oneDNN's direct convolution for the forward pass, with the primitive of the last shape.
        private let direct = DNNLConvolution()
    #endif
    /// The forward pass's plan for the last shapes, post-ops and layouts.
    private let calls = LastValueCache<CallKey, Call>()

    /// Bound on the column buffer (in floats) so that large batches are processed in chunks.
    private static let columnBudget = 1 << 17

    init(node: Node, opset: Int) throws {
        context = NeuralNodeContext(node)
        window = try SpatialWindow(context, requireKernelShape: false, supportsCeilMode: false)
        group = try context.int("group", default: 1)
        guard group >= 1 else { throw context.attributeError("group", "must be at least 1, got \(group)") }
    }

    /// Shapes and sizes of one call, checked against the node's attributes.
    private struct Geometry: Sendable {
        let batch: Int, channels: Int, filters: Int
        let plan: SpatialPlan
        var groupChannels: Int
        var groupFilters: Int
        var rows: Int { groupChannels * plan.kernelSize }
        var chunk: Int
    }

    /// Inputs X, W and the optional B, with the geometry of the call.
    private func operands(_ inputs: [Tensor?]) throws -> (
        x: (shape: [Int], values: [Float]), w: (shape: [Int], values: [Float]), b: (shape: [Int], values: [Float])?,
        g: Geometry
    ) {
        let x = try context.floatInput(inputs, 0)
        let w = try context.floatInput(inputs, 1)
        let b = try context.optionalFloatInput(inputs, 2)
        return (x, w, b, try geometry(x: x.shape, w: w.shape, bias: b?.shape))
    }

    private func geometry(x: [Int], w: [Int], bias: [Int]?) throws -> Geometry {
        guard x.count >= 3 else { throw context.inputError(0, "must be (N, C, spatial…), got shape \(x)") }
        guard w.count == x.count else {
            throw context.inputError(1, "must have rank \(x.count) like the input, got shape \(w)")
        }
        let channels = x[1], filters = w[0]
        guard channels % group == 0, w[1] * group == channels else {
            throw context.inputError(
                1, "has \(w[1]) channels per group but the input has \(channels) in \(group) groups")
        }
        guard filters % group == 0 else {
            throw context.inputError(1, "has \(filters) filters, not divisible by group \(group)")
        }
        let kernel = Array(w[2...])
        if let declared = window.kernelShape, declared != kernel {
            throw context.attributeError("kernel_shape", "is \(declared) but the weights are \(kernel)")
        }
        if let bias, bias != [filters] {
            throw context.inputError(2, "must have shape [\(filters)], got \(bias)")
        }
        guard let planes = TensorBudget.product(x[0], filters) else {
            throw context.tooLarge("the output plane count \(x[0]) × \(filters) overflows")
        }
        let plan = try window.plan(
            inputSpatial: Array(x[2...]), kernel: kernel, planes: planes, windowRows: channels / group)
        let rows = (channels / group) * plan.kernelSize
        let perSample = max(1, rows * plan.outputSize)
        let chunk = max(1, min(x[0], Self.columnBudget / perSample))
        return Geometry(
            batch: x[0], channels: channels, filters: filters, plan: plan, groupChannels: channels / group,
            groupFilters: filters / group, chunk: chunk)
    }

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        // `convolve` is nil only for an addend of another shape, and there is none.
        KernelOutput(outputs: try convolve(inputs, then: [], addend: nil).map { [$0] } ?? [])
    }

    /// What identifies a forward call's plan.
    private struct CallKey: Equatable, Sendable {
        var x: [Int], w: [Int], bias: [Int]?
        var ops: [PostOp]
        var layout: ChannelsLast
    }

    /// What every forward call with the same ``CallKey`` shares, worked out once: rebuilding it on every call (the
    /// geometry's arrays, oneDNN's description of the primitive) cost about 4 % of a batch-1 small CNN's CPU time.
    private final class Call: Sendable {
        let g: Geometry
        /// A 1×1 window with stride 1 and no padding reads the image as it is: no column matrix.
        let pointwise: Bool
        let outputShape: [Int], outputLast: [Int]
        #if canImport(CDNNL)
            let dnnl: DNNLConvolution.Shape
        #endif

        init(_ key: CallKey, g: Geometry, group: Int) {
            self.g = g
            let plan = g.plan
            pointwise =
                plan.kernelSize == 1 && plan.stride.allSatisfy { $0 == 1 } && plan.padBegin.allSatisfy { $0 == 0 }
                && plan.padEnd.allSatisfy { $0 == 0 } && plan.outputSize == plan.inputSize
            outputShape = [g.batch, g.filters] + plan.outputSpatial
            outputLast = ChannelsLast.physicalShape(outputShape)
            #if canImport(CDNNL)
                let r = plan.rank
                dnnl = DNNLConvolution.Shape(
                    input: key.x, weights: key.w, output: outputShape, group: group, hasBias: key.bias != nil,
                    stride: Array(plan.stride.suffix(r)), dilation: Array(plan.dilation.suffix(r)),
                    padBegin: Array(plan.padBegin.suffix(r)), padEnd: Array(plan.padEnd.suffix(r)), postOps: key.ops,
                    channelsLast: key.layout)
            #endif
        }
    }

    /// The convolution followed by `ops`. `layout` says which values are channels-last (their shapes then read
    /// (N, H, W, C)); only oneDNN takes those. Nil when `addend` is not a float32 tensor of the output's shape, or
    /// when channels-last values would need the engine's own path.
    private func convolve(
        _ inputs: [Tensor?], then ops: [PostOp], addend: Tensor?, layout: ChannelsLast = .none
    ) throws -> Tensor? {
        guard ops.contains(.add) == (addend != nil) else { return nil }
        var inputs = inputs
        if layout.input, let image = inputs.first ?? nil {
            // The geometry reads the logical shape; the values stay where they are for oneDNN.
            inputs[0] = Tensor(shape: ChannelsLast.logicalShape(image.shape), storage: image.storage)
        }
        let x = try context.floatInput(inputs, 0)
        let w = try context.floatInput(inputs, 1)
        let b = try context.optionalFloatInput(inputs, 2)
        let key = CallKey(x: x.shape, w: w.shape, bias: b?.shape, ops: ops, layout: layout)
        let call = try calls.value(for: key) {
            Call(key, g: try geometry(x: key.x, w: key.w, bias: key.bias), group: group)
        }
        let g = call.g, plan = g.plan, pointwise = call.pointwise
        let outSize = plan.outputSize, inSize = plan.inputSize
        let count = g.batch * g.filters * outSize
        let outputShape = call.outputShape, outputLast = call.outputLast
        let addendValues: [Float]?
        if let addend {
            guard addend.shape == (layout.addend ? outputLast : outputShape), let values = addend.floats else {
                return nil
            }
            addendValues = values
        } else {
            addendValues = nil
        }
        #if canImport(CDNNL)
            if DNNLConvolution.isEnabled {
                let shape = call.dnnl
                var done = false
                let y = [Float](unsafeUninitializedCapacity: count) { yp, initialized in
                    x.values.withUnsafeBufferPointer { xp in
                        Self.withOptionalPointer(b?.values) { bias in
                            Self.withOptionalPointer(addendValues) { addend in
                                done = direct.run(
                                    shape, input: xp.baseAddress!, weights: w.values, bias: bias, addend: addend,
                                    output: yp.baseAddress!)
                            }
                        }
                    }
                    if !done { yp.initialize(repeating: 0) }
                    initialized = count
                }
                if done { return Tensor(shape: layout.output ? outputLast : outputShape, scalars: y) }
            }
        #endif
        // The engine's own path works channels-first: the fused step converts and runs the nodes one by one.
        guard layout == .none else { return nil }
        let columns = FloatScratch(uninitializedCount: pointwise ? 0 : g.rows * outSize)
        let y = [Float](unsafeUninitializedCapacity: count) { yp, initialized in
            x.values.withUnsafeBufferPointer { xp in
                w.values.withUnsafeBufferPointer { wp in
                    // One product per sample and group, written straight into the output: the sample's filters
                    // are contiguous planes of outSize values, the rows of a row-major [groupFilters, outSize].
                    for sample in 0..<g.batch {
                        for grp in 0..<group {
                            let image = xp.baseAddress! + (sample * g.channels + grp * g.groupChannels) * inSize
                            let out = yp.baseAddress! + (sample * g.filters + grp * g.groupFilters) * outSize
                            if !pointwise {
                                Im2Col.unfold(
                                    image: image, channels: g.groupChannels, plan: plan, columns: columns.pointer,
                                    rowStride: outSize)
                            }
                            BLAS.sgemm(
                                m: g.groupFilters, n: outSize, k: g.rows,
                                a: wp.baseAddress! + grp * g.groupFilters * g.rows, lda: g.rows,
                                b: pointwise ? image : UnsafePointer(columns.pointer), ldb: outSize, beta: 0, c: out,
                                ldc: outSize)
                        }
                    }
                }
            }
            if let bias = b?.values {
                bias.withUnsafeBufferPointer { bp in
                    for plane in 0..<(g.batch * g.filters) {
                        let value = bp[plane % g.filters]
                        let row = yp.baseAddress! + plane * outSize
                        for i in 0..<outSize { row[i] += value }
                    }
                }
            }
            Self.withOptionalPointer(addendValues) { addend in
                PostOp.apply(ops, to: yp.baseAddress!, count: count, addend: addend)
            }
            initialized = count
        }
        return Tensor(shape: outputShape, scalars: y)
    }

    private static func withOptionalPointer<R>(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
        guard let values else { return body(nil) }
        return values.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    func backward(inputs: [Tensor?], forward: KernelOutput, outputGradients: [Tensor?]) throws -> [Tensor?] {
        let (x, w, b, g) = try operands(inputs)
        let plan = g.plan
        let outSize = plan.outputSize, inSize = plan.inputSize
        guard let dyTensor = outputGradients.first ?? nil else { return [nil, nil, nil] }
        guard let dy = dyTensor.floats, dy.count == g.batch * g.filters * outSize else {
            throw context.inputError(0, "received an output gradient of shape \(dyTensor.shape)")
        }
        var dx = [Float](repeating: 0, count: x.values.count)
        var dw = [Float](repeating: 0, count: w.values.count)
        var db = [Float](repeating: 0, count: g.filters)
        var columns = [Float](repeating: 0, count: g.rows * g.chunk * outSize)
        var gathered = [Float](repeating: 0, count: g.groupFilters * g.chunk * outSize)
        x.values.withUnsafeBufferPointer { xp in
            w.values.withUnsafeBufferPointer { wp in
                dy.withUnsafeBufferPointer { dyp in
                    dx.withUnsafeMutableBufferPointer { dxp in
                        dw.withUnsafeMutableBufferPointer { dwp in
                            columns.withUnsafeMutableBufferPointer { cp in
                                gathered.withUnsafeMutableBufferPointer { gp in
                                    var start = 0
                                    while start < g.batch {
                                        let count = min(g.chunk, g.batch - start)
                                        let width = count * outSize
                                        for grp in 0..<group {
                                            for m in 0..<g.groupFilters {
                                                let filter = grp * g.groupFilters + m
                                                var sum: Float = 0
                                                for s in 0..<count {
                                                    let src =
                                                        dyp.baseAddress! + ((start + s) * g.filters + filter) * outSize
                                                    let dst = gp.baseAddress! + m * width + s * outSize
                                                    for i in 0..<outSize {
                                                        dst[i] = src[i]
                                                        sum += src[i]
                                                    }
                                                }
                                                db[filter] += sum
                                            }
                                            for s in 0..<count {
                                                let image =
                                                    xp.baseAddress! + ((start + s) * g.channels + grp * g.groupChannels)
                                                    * inSize
                                                Im2Col.unfold(
                                                    image: image, channels: g.groupChannels, plan: plan,
                                                    columns: cp.baseAddress! + s * outSize, rowStride: width)
                                            }
                                            // dW_g += dY_g · colsᵀ
                                            BLAS.sgemm(
                                                transB: true, m: g.groupFilters, n: g.rows, k: width,
                                                a: gp.baseAddress!, lda: width, b: cp.baseAddress!, ldb: width, beta: 1,
                                                c: dwp.baseAddress! + grp * g.groupFilters * g.rows, ldc: g.rows)
                                            // dcols = W_gᵀ · dY_g, folded back onto dX.
                                            BLAS.sgemm(
                                                transA: true, m: g.rows, n: width, k: g.groupFilters,
                                                a: wp.baseAddress! + grp * g.groupFilters * g.rows, lda: g.rows,
                                                b: gp.baseAddress!, ldb: width, beta: 0, c: cp.baseAddress!, ldc: width)
                                            for s in 0..<count {
                                                let image =
                                                    dxp.baseAddress!
                                                    + ((start + s) * g.channels + grp * g.groupChannels) * inSize
                                                Im2Col.fold(
                                                    columns: cp.baseAddress! + s * outSize, rowStride: width,
                                                    channels: g.groupChannels, plan: plan, image: image)
                                            }
                                        }
                                        start += count
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return [
            Tensor(shape: x.shape, scalars: dx), Tensor(shape: w.shape, scalars: dw),
            b == nil ? nil : Tensor(shape: [g.filters], scalars: db),
        ]
    }
}

extension ConvKernel: PostOpFusible {
    static func fuses(_ op: PostOp) -> Bool { true }

    func forward(_ inputs: [Tensor?], then ops: [PostOp], addend: Tensor?, layout: ChannelsLast) throws -> Tensor? {
        try convolve(inputs, then: ops, addend: addend, layout: layout)
    }
}
