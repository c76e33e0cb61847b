#if canImport(CDNNL)
    import CDNNL
    import Foundation
    import Synchronization

    /// oneDNN's direct convolution (forward inference) for ``ConvKernel`` on x86-64: the primitive picks the
    /// layouts its generated code wants (channel blocks of 16 on AVX-512), the weights are packed into that layout
    /// once and kept while the same weights come back, and the image and result are reordered from and to the
    /// engine's plain NCHW on each call. BENCHMARKS.md ("Convolution") has the measurements behind it. Gradients
    /// stay on the im2col path.
    ///
    /// One instance belongs to one Conv node and keeps the primitive of the last input shape (a model is run with
    /// one shape after another batch size rarely changes). Calls may run concurrently: the primitive is only read,
    /// and every call brings its own stream, memory objects and scratchpad.
    final class DNNLConvolution: Sendable {
        /// What a primitive is built for.
        struct Shape: Hashable, Sendable {
            var input: [Int]
            var weights: [Int]
            var output: [Int]
            var group: Int
            var hasBias: Bool
            var stride: [Int]
            var dilation: [Int]
            var padBegin: [Int]
            var padEnd: [Int]
            /// Applied to the result inside the primitive (oneDNN post-ops): `.add` as a sum into the destination,
            /// which holds the addend when the primitive starts.
            var postOps: [PostOp] = []
            /// The image, the addend and the result in (N, H, W, C) order (2-D convolutions only).
            var channelsLast = ChannelsLast.none
        }

        private struct Cached: @unchecked Sendable {
            var primitive: Primitive
            /// The weights the packed copy was made from (kept alive, so their address identifies them) and the copy.
            var weights: [Float]?
            var packed: AlignedBuffer?
        }

        private let last = Mutex<Cached?>(nil)

        init() {}

        /// Off when `AIRISK_CONVOLUTION=im2col` (the engine's own path, for benchmarks that compare the two).
        static let isEnabled: Bool = {
            guard let v = getenv("AIRISK_CONVOLUTION") else { return true }
            return String(cString: v) != "im2col"
        }()

        /// Computes the convolution into `output` (plain N, C, spatial…), or returns false when oneDNN has no
        /// primitive for the shape (the caller then takes its own path).
        func run(
            _ shape: Shape, input: UnsafePointer<Float>, weights: [Float], bias: UnsafePointer<Float>?,
            addend: UnsafePointer<Float>? = nil, output: UnsafeMutablePointer<Float>
        ) -> Bool {
            // oneDNN fixes a primitive's thread count when it is created, from the calling thread's OpenMP setting:
            // set it first, or a primitive made for two threads spins the second on a one-thread run.
            ProcessConfiguration.applyKernelThreadsToCallingThread()
            let found: (Primitive, AlignedBuffer?)? = last.withLock { cached in
                if let c = cached, c.primitive.shape == shape {
                    let same = c.weights.map { Self.sameStorage($0, weights) } ?? false
                    return (c.primitive, same ? c.packed : nil)
                }
                return nil
            }
            let primitive: Primitive
            var packed: AlignedBuffer?
            if let (p, w) = found {
                primitive = p
                packed = w
            } else {
                guard let p = Primitive(shape) else { return false }
                primitive = p
            }
            if primitive.packsWeights, packed == nil {
                guard let w = weights.withUnsafeBufferPointer({ primitive.pack(weights: $0.baseAddress!) }) else {
                    return false
                }
                packed = w
                last.withLock { $0 = Cached(primitive: primitive, weights: weights, packed: w) }
            } else if found == nil {
                last.withLock { $0 = Cached(primitive: primitive, weights: nil, packed: nil) }
            }
            return weights.withUnsafeBufferPointer { wp in
                primitive.execute(
                    input: input,
                    weights: packed.map { UnsafeRawPointer($0.pointer) } ?? UnsafeRawPointer(wp.baseAddress!),
                    bias: bias, addend: addend, output: output)
            }
        }

        private static func sameStorage(_ a: [Float], _ b: [Float]) -> Bool {
            a.count == b.count
                && a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress }
                }
        }

        /// The CPU engine, created once for the process.
        private static let engine: Engine? = Engine()

        private final class Engine: @unchecked Sendable {
            let handle: dnnl_engine_t
            init?() {
                var e: dnnl_engine_t?
                guard dnnl_engine_create(&e, dnnl_cpu, 0) == dnnl_success, let e else { return nil }
                handle = e
            }
        }

        /// A 64-byte aligned buffer for a blocked layout.
        final class AlignedBuffer: @unchecked Sendable {
            let pointer: UnsafeMutableRawPointer
            init(bytes: Int) {
                pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 64), alignment: 64)
            }
            deinit { pointer.deallocate() }
        }

        /// A convolution primitive with the reorders between the engine's plain layouts and the primitive's own.
        final class Primitive: @unchecked Sendable {
            /// Slots of ``descriptors``.
            fileprivate enum Slot: Int, CaseIterable {
                case src, weights, dst, scratchpad, plainSrc, plainWeights, plainDst, bias, plainAddend
            }

            let shape: Shape
            fileprivate let engine: dnnl_engine_t
            private let convolution: dnnl_primitive_t
            /// The memory descriptors, on the heap so calls can hand oneDNN pointers to them.
            private let descriptors: UnsafeMutablePointer<dnnl_memory_desc_t>
            fileprivate let srcReorder: dnnl_primitive_t?, dstReorder: dnnl_primitive_t?
            /// The addend's layout to the primitive's destination layout, for a sum post-op.
            fileprivate let addendReorder: dnnl_primitive_t?
            private let weightsReorder: dnnl_primitive_t?
            fileprivate let srcBytes: Int, dstBytes: Int, scratchBytes: Int
            private let weightsBytes: Int

            var packsWeights: Bool { weightsReorder != nil }

            fileprivate func md(_ slot: Slot) -> UnsafeMutablePointer<dnnl_memory_desc_t> {
                descriptors + slot.rawValue
            }

            init?(_ shape: Shape) {
                guard let engine = DNNLConvolution.engine?.handle else { return nil }
                let rank = shape.input.count
                guard (3...5).contains(rank), shape.weights.count == rank, shape.output.count == rank else {
                    return nil
                }
                let g = shape.group
                let weightDims =
                    g == 1 ? shape.weights : [g, shape.weights[0] / g] + Array(shape.weights.dropFirst())
                let mds = UnsafeMutablePointer<dnnl_memory_desc_t>.allocate(capacity: Slot.allCases.count)
                mds.initialize(repeating: dnnl_memory_desc_t(), count: Slot.allCases.count)
                func slot(_ s: Slot) -> UnsafeMutablePointer<dnnl_memory_desc_t> { mds + s.rawValue }
                var anySrc = dnnl_memory_desc_t(), anyWeights = dnnl_memory_desc_t(), anyDst = dnnl_memory_desc_t()
                func tag(channelsLast: Bool) -> dnnl_format_tag_t {
                    channelsLast && rank == 4 ? dnnl_acdb : Self.plainTag(rank)
                }
                guard Self.initialize(slot(.plainSrc), shape.input, tag(channelsLast: shape.channelsLast.input)),
                    Self.initialize(slot(.plainWeights), weightDims, Self.plainTag(weightDims.count)),
                    Self.initialize(slot(.plainDst), shape.output, tag(channelsLast: shape.channelsLast.output)),
                    Self.initialize(slot(.plainAddend), shape.output, tag(channelsLast: shape.channelsLast.addend)),
                    Self.initialize(slot(.bias), [shape.weights[0]], dnnl_a),
                    Self.initialize(&anySrc, shape.input, dnnl_format_tag_any),
                    Self.initialize(&anyWeights, weightDims, dnnl_format_tag_any),
                    Self.initialize(&anyDst, shape.output, dnnl_format_tag_any)
                else {
                    mds.deallocate()
                    return nil
                }
                var desc = dnnl_convolution_desc_t()
                var strides = Self.dims(shape.stride), dilates = Self.dims(shape.dilation.map { $0 - 1 })
                var padL = Self.dims(shape.padBegin), padR = Self.dims(shape.padEnd)
                let created = Self.withInt64s(&strides, &dilates, &padL, &padR) { st, di, pl, pr in
                    dnnl_dilated_convolution_forward_desc_init(
                        &desc, dnnl_forward_inference, dnnl_convolution_direct, &anySrc, &anyWeights,
                        shape.hasBias ? slot(.bias) : nil, &anyDst, st, di, pl, pr)
                }
                var pdHandle: dnnl_primitive_desc_t?
                var attr: dnnl_primitive_attr_t?
                var postOps: dnnl_post_ops_t?
                defer {
                    if let postOps { dnnl_post_ops_destroy(postOps) }
                    if let attr { dnnl_primitive_attr_destroy(attr) }
                    if let pdHandle { dnnl_primitive_desc_destroy(pdHandle) }
                }
                guard created == dnnl_success, dnnl_primitive_attr_create(&attr) == dnnl_success,
                    dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user) == dnnl_success,
                    shape.postOps.isEmpty || Self.setPostOps(shape.postOps, &postOps, attr),
                    dnnl_primitive_desc_create(&pdHandle, &desc, attr, engine, nil) == dnnl_success, let pdHandle,
                    let qs = dnnl_primitive_desc_query_md(pdHandle, dnnl_query_src_md, 0),
                    let qw = dnnl_primitive_desc_query_md(pdHandle, dnnl_query_weights_md, 0),
                    let qd = dnnl_primitive_desc_query_md(pdHandle, dnnl_query_dst_md, 0),
                    let qp = dnnl_primitive_desc_query_md(pdHandle, dnnl_query_scratchpad_md, 0)
                else {
                    mds.deallocate()
                    return nil
                }
                slot(.src).pointee = qs.pointee
                slot(.weights).pointee = qw.pointee
                slot(.dst).pointee = qd.pointee
                slot(.scratchpad).pointee = qp.pointee
                func differ(_ a: Slot, _ b: Slot) -> Bool { dnnl_memory_desc_equal(slot(a), slot(b)) == 0 }
                let needsSrc = differ(.plainSrc, .src), needsDst = differ(.plainDst, .dst)
                let needsWeights = differ(.plainWeights, .weights)
                let sr = needsSrc ? Self.reorder(slot(.plainSrc), slot(.src), engine) : nil
                let dr = needsDst ? Self.reorder(slot(.dst), slot(.plainDst), engine) : nil
                let wr = needsWeights ? Self.reorder(slot(.plainWeights), slot(.weights), engine) : nil
                let needsAddend = shape.postOps.contains(.add) && differ(.plainAddend, .dst)
                let ar = needsAddend ? Self.reorder(slot(.plainAddend), slot(.dst), engine) : nil
                var conv: dnnl_primitive_t?
                guard (!needsSrc || sr != nil), (!needsDst || dr != nil), (!needsWeights || wr != nil),
                    (!needsAddend || ar != nil), dnnl_primitive_create(&conv, pdHandle) == dnnl_success, let conv
                else {
                    [sr, dr, wr, ar].forEach { if let r = $0 { dnnl_primitive_destroy(r) } }
                    mds.deallocate()
                    return nil
                }
                self.shape = shape
                self.engine = engine
                descriptors = mds
                convolution = conv
                srcReorder = sr
                dstReorder = dr
                weightsReorder = wr
                addendReorder = ar
                srcBytes = dnnl_memory_desc_get_size(slot(.src))
                dstBytes = dnnl_memory_desc_get_size(slot(.dst))
                weightsBytes = dnnl_memory_desc_get_size(slot(.weights))
                scratchBytes = dnnl_memory_desc_get_size(slot(.scratchpad))
            }

            deinit {
                dnnl_primitive_destroy(convolution)
                [srcReorder, dstReorder, weightsReorder, addendReorder].forEach {
                    if let r = $0 { dnnl_primitive_destroy(r) }
                }
                descriptors.deallocate()
            }

            /// The weights in the primitive's layout.
            func pack(weights plain: UnsafePointer<Float>) -> AlignedBuffer? {
                guard let weightsReorder else { return nil }
                let out = AlignedBuffer(bytes: weightsBytes)
                let ok = withStream { stream in
                    run(
                        weightsReorder, stream,
                        [
                            (DNNL_ARG_FROM, md(.plainWeights), UnsafeMutableRawPointer(mutating: plain)),
                            (DNNL_ARG_TO, md(.weights), out.pointer),
                        ])
                }
                return ok ? out : nil
            }

            /// What one call needs besides the primitive: a stream, the blocked buffers and a memory object per
            /// argument. Calls take one from ``contexts`` and give it back, so the hot path allocates nothing after
            /// the first calls (one context per concurrent caller).
            private final class ExecutionContext: @unchecked Sendable {
                let stream: dnnl_stream_t
                let srcBuffer: AlignedBuffer?, dstBuffer: AlignedBuffer?, scratch: AlignedBuffer
                /// Memory objects in ``Argument`` order; their data handles are set on each call.
                var memories: [dnnl_memory_t] = []

                init?(_ p: Primitive) {
                    var stream: dnnl_stream_t?
                    guard dnnl_stream_create(&stream, p.engine, dnnl_stream_default_flags.rawValue) == dnnl_success,
                        let stream
                    else { return nil }
                    self.stream = stream
                    srcBuffer = p.srcReorder.map { _ in AlignedBuffer(bytes: p.srcBytes) }
                    dstBuffer = p.dstReorder.map { _ in AlignedBuffer(bytes: p.dstBytes) }
                    scratch = AlignedBuffer(bytes: p.scratchBytes)
                    for a in Argument.allCases {
                        var m: dnnl_memory_t?
                        guard dnnl_memory_create(&m, p.md(a.slot), p.engine, nil) == dnnl_success, let m else {
                            return nil
                        }
                        memories.append(m)
                    }
                }

                deinit {
                    memories.forEach { dnnl_memory_destroy($0) }
                    dnnl_stream_destroy(stream)
                }

                /// The memory object of `a`, pointing at `pointer`.
                func memory(_ a: Argument, _ pointer: UnsafeMutableRawPointer) -> dnnl_memory_t? {
                    let m = memories[a.rawValue]
                    return dnnl_memory_set_data_handle(m, pointer) == dnnl_success ? m : nil
                }
            }

            /// The buffers a call hands oneDNN, each with its layout's slot.
            fileprivate enum Argument: Int, CaseIterable {
                case plainSrc, src, weights, bias, dst, plainDst, scratchpad, plainAddend
                var slot: Slot {
                    switch self {
                    case .plainAddend: .plainAddend
                    case .plainSrc: .plainSrc
                    case .src: .src
                    case .weights: .weights
                    case .bias: .bias
                    case .dst: .dst
                    case .plainDst: .plainDst
                    case .scratchpad: .scratchpad
                    }
                }
            }

            private let contexts = Mutex<[ExecutionContext]>([])

            /// One forward pass: reorders in, the convolution, reorders out.
            func execute(
                input: UnsafePointer<Float>, weights packedOrPlain: UnsafeRawPointer, bias: UnsafePointer<Float>?,
                addend: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>
            ) -> Bool {
                guard let context = contexts.withLock({ $0.popLast() }) ?? ExecutionContext(self) else { return false }
                defer { contexts.withLock { $0.append(context) } }
                let plainIn = UnsafeMutableRawPointer(mutating: input)
                let plainOut = UnsafeMutableRawPointer(output)
                func exec(_ primitive: dnnl_primitive_t, _ args: [(Int32, Argument, UnsafeMutableRawPointer)]) -> Bool {
                    var execArgs: [dnnl_exec_arg_t] = []
                    execArgs.reserveCapacity(args.count)
                    for (arg, a, pointer) in args {
                        guard let m = context.memory(a, pointer) else { return false }
                        execArgs.append(dnnl_exec_arg_t(arg: arg, memory: m))
                    }
                    return dnnl_primitive_execute(primitive, context.stream, Int32(execArgs.count), execArgs)
                        == dnnl_success
                }
                if let srcReorder, let b = context.srcBuffer {
                    guard exec(srcReorder, [(DNNL_ARG_FROM, .plainSrc, plainIn), (DNNL_ARG_TO, .src, b.pointer)])
                    else { return false }
                }
                // A sum post-op adds the result to what the destination holds: put the addend there first.
                if let addend {
                    let plainAddend = UnsafeMutableRawPointer(mutating: addend)
                    let target = context.dstBuffer?.pointer ?? plainOut
                    if let addendReorder {
                        guard
                            exec(
                                addendReorder,
                                [(DNNL_ARG_FROM, .plainAddend, plainAddend), (DNNL_ARG_TO, .dst, target)])
                        else { return false }
                    } else {
                        target.copyMemory(from: plainAddend, byteCount: dstBytes)
                    }
                }
                var args: [(Int32, Argument, UnsafeMutableRawPointer)] = [
                    (DNNL_ARG_SRC, .src, context.srcBuffer?.pointer ?? plainIn),
                    (DNNL_ARG_WEIGHTS, .weights, UnsafeMutableRawPointer(mutating: packedOrPlain)),
                    (DNNL_ARG_DST, .dst, context.dstBuffer?.pointer ?? plainOut),
                    (DNNL_ARG_SCRATCHPAD, .scratchpad, context.scratch.pointer),
                ]
                if let bias { args.append((DNNL_ARG_BIAS, .bias, UnsafeMutableRawPointer(mutating: bias))) }
                guard exec(convolution, args) else { return false }
                if let dstReorder, let b = context.dstBuffer {
                    guard exec(dstReorder, [(DNNL_ARG_FROM, .dst, b.pointer), (DNNL_ARG_TO, .plainDst, plainOut)])
                    else { return false }
                }
                return dnnl_stream_wait(context.stream) == dnnl_success
            }

            private func withStream(_ body: (dnnl_stream_t) -> Bool) -> Bool {
                var stream: dnnl_stream_t?
                guard dnnl_stream_create(&stream, engine, dnnl_stream_default_flags.rawValue) == dnnl_success,
                    let stream
                else { return false }
                defer { dnnl_stream_destroy(stream) }
                return body(stream) && dnnl_stream_wait(stream) == dnnl_success
            }

            /// Executes `primitive` with memory objects made for this call over the given buffers.
            private func run(
                _ primitive: dnnl_primitive_t, _ stream: dnnl_stream_t,
                _ args: [(Int32, UnsafeMutablePointer<dnnl_memory_desc_t>, UnsafeMutableRawPointer)]
            ) -> Bool {
                var memories: [dnnl_memory_t] = []
                defer { memories.forEach { dnnl_memory_destroy($0) } }
                var execArgs: [dnnl_exec_arg_t] = []
                for (arg, md, pointer) in args {
                    var m: dnnl_memory_t?
                    guard dnnl_memory_create(&m, md, engine, pointer) == dnnl_success, let m else { return false }
                    memories.append(m)
                    execArgs.append(dnnl_exec_arg_t(arg: arg, memory: m))
                }
                return dnnl_primitive_execute(primitive, stream, Int32(execArgs.count), execArgs) == dnnl_success
            }

            /// Appends `ops` to a new post-ops list and sets it on `attr`.
            private static func setPostOps(
                _ ops: [PostOp], _ list: inout dnnl_post_ops_t?, _ attr: dnnl_primitive_attr_t?
            ) -> Bool {
                guard dnnl_post_ops_create(&list) == dnnl_success, let list else { return false }
                for op in ops {
                    let status =
                        switch op {
                        case .add: dnnl_post_ops_append_sum(list, 1)
                        case .relu: dnnl_post_ops_append_eltwise(list, 1, dnnl_eltwise_relu, 0, 0)
                        }
                    guard status == dnnl_success else { return false }
                }
                return dnnl_primitive_attr_set_post_ops(attr, list) == dnnl_success
            }

            private static func reorder(
                _ from: UnsafeMutablePointer<dnnl_memory_desc_t>, _ to: UnsafeMutablePointer<dnnl_memory_desc_t>,
                _ engine: dnnl_engine_t
            ) -> dnnl_primitive_t? {
                var pd: dnnl_primitive_desc_t?
                guard dnnl_reorder_primitive_desc_create(&pd, from, engine, to, engine, nil) == dnnl_success, let pd
                else { return nil }
                defer { dnnl_primitive_desc_destroy(pd) }
                var p: dnnl_primitive_t?
                guard dnnl_primitive_create(&p, pd) == dnnl_success else { return nil }
                return p
            }

            private static func initialize(
                _ md: UnsafeMutablePointer<dnnl_memory_desc_t>, _ dims: [Int], _ tag: dnnl_format_tag_t
            ) -> Bool {
                var d = Self.dims(dims)
                return withUnsafePointer(to: &d) {
                    $0.withMemoryRebound(to: Int64.self, capacity: 12) {
                        dnnl_memory_desc_init_by_tag(md, Int32(dims.count), $0, dnnl_f32, tag) == dnnl_success
                    }
                }
            }

            private static func withInt64s<R>(
                _ a: inout dnnl_dims_t, _ b: inout dnnl_dims_t, _ c: inout dnnl_dims_t, _ d: inout dnnl_dims_t,
                _ body: (UnsafePointer<Int64>, UnsafePointer<Int64>, UnsafePointer<Int64>, UnsafePointer<Int64>) -> R
            ) -> R {
                withUnsafePointer(to: &a) { pa in
                    withUnsafePointer(to: &b) { pb in
                        withUnsafePointer(to: &c) { pc in
                            withUnsafePointer(to: &d) { pd in
                                pa.withMemoryRebound(to: Int64.self, capacity: 12) { a in
                                    pb.withMemoryRebound(to: Int64.self, capacity: 12) { b in
                                        pc.withMemoryRebound(to: Int64.self, capacity: 12) { c in
                                            pd.withMemoryRebound(to: Int64.self, capacity: 12) { d in body(a, b, c, d) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            private static func plainTag(_ rank: Int) -> dnnl_format_tag_t {
                switch rank {
                case 1: dnnl_a
                case 2: dnnl_ab
                case 3: dnnl_abc
                case 4: dnnl_abcd
                case 5: dnnl_abcde
                default: dnnl_abcdef
                }
            }

            /// A `dnnl_dims_t` (12 Int64) holding `values`.
            private static func dims(_ values: [Int]) -> dnnl_dims_t {
                var d: dnnl_dims_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutablePointer(to: &d) {
                    $0.withMemoryRebound(to: Int64.self, capacity: 12) { p in
                        for (i, v) in values.prefix(12).enumerated() { p[i] = Int64(v) }
                    }
                }
                return d
            }
        }
    }
#endif
