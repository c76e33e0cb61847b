/// The sliding-window attributes shared by Conv, MaxPool and AveragePool (kernel_shape, strides,
/// dilations, pads, auto_pad, ceil_mode), parsed once at load time.
struct SpatialWindow: Sendable {
    enum AutoPad: Sendable { case notSet, sameUpper, sameLower, valid }

    let kernelShape: [Int]?
    let strides: [Int]?
    let dilations: [Int]?
    let pads: [Int]?
    let autoPad: AutoPad
    let ceilMode: Bool
    private let context: NeuralNodeContext
    private let plans = LastValueCache<PlanKey, SpatialPlan>()

    private struct PlanKey: Equatable, Sendable {
        let inputSpatial: [Int], kernel: [Int], planes: Int, windowRows: Int
    }

    init(_ context: NeuralNodeContext, requireKernelShape: Bool, supportsCeilMode: Bool) throws {
        self.context = context
        kernelShape = try context.ints("kernel_shape")
        if requireKernelShape && kernelShape == nil {
            throw context.attributeError("kernel_shape", "is required")
        }
        strides = try context.ints("strides")
        dilations = try context.ints("dilations")
        pads = try context.ints("pads")
        switch try context.string("auto_pad", default: "NOTSET") {
        case "NOTSET", "": autoPad = .notSet
        case "SAME_UPPER": autoPad = .sameUpper
        case "SAME_LOWER": autoPad = .sameLower
        case "VALID": autoPad = .valid
        case let other:
            throw context.attributeError("auto_pad", "must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '\(other)'")
        }
        let ceil = try context.int("ceil_mode", default: 0)
        if ceil != 0 && !supportsCeilMode { throw context.attributeError("ceil_mode", "is not defined here") }
        ceilMode = ceil != 0
        if let rank = kernelShape?.count, rank < 1 || rank > SpatialPlan.maxRank {
            throw context.unsupported("a \(rank)-D window (1-D, 2-D and 3-D are)")
        }
        for (name, values) in [("kernel_shape", kernelShape), ("strides", strides), ("dilations", dilations)] {
            if let values, values.contains(where: { $0 < 1 }) {
                throw context.attributeError(name, "must hold positive values, got \(values)")
            }
        }
        if let pads, pads.contains(where: { $0 < 0 }) {
            throw context.attributeError("pads", "must hold non-negative values, got \(pads)")
        }
    }

    /// The concrete geometry for an input's spatial dimensions; `kernel` is the window size
    /// (from kernel_shape, or from the weight tensor for Conv). `planes` is how many output planes
    /// the caller computes (N·C for the pools, N·filters for Conv) and `windowRows` how many values
    /// feed one output position (1 for the pools, channels per group for Conv): every size the
    /// kernel allocates (output, window table, im2col columns) is checked against
    /// ``TensorBudget/maxBytes`` with overflow-checked arithmetic before the plan is returned.
    func plan(inputSpatial: [Int], kernel: [Int], planes: Int = 1, windowRows: Int = 1) throws -> SpatialPlan {
        let key = PlanKey(inputSpatial: inputSpatial, kernel: kernel, planes: planes, windowRows: windowRows)
        return try plans.value(for: key) {
            try makePlan(inputSpatial: inputSpatial, kernel: kernel, planes: planes, windowRows: windowRows)
        }
    }

    private func makePlan(inputSpatial: [Int], kernel: [Int], planes: Int, windowRows: Int) throws -> SpatialPlan {
        let rank = inputSpatial.count
        guard rank >= 1 && rank <= SpatialPlan.maxRank else {
            throw context.inputError(0, "must have 1 to 3 spatial dimensions, got \(rank)")
        }
        guard kernel.count == rank else {
            throw context.attributeError("kernel_shape", "has \(kernel.count) dimensions but the input has \(rank)")
        }
        let strides = self.strides ?? Array(repeating: 1, count: rank)
        let dilations = self.dilations ?? Array(repeating: 1, count: rank)
        guard strides.count == rank else { throw context.attributeError("strides", "must have \(rank) values") }
        guard dilations.count == rank else { throw context.attributeError("dilations", "must have \(rank) values") }
        if let pads, autoPad == .notSet, pads.count != 2 * rank {
            throw context.attributeError("pads", "must have \(2 * rank) values, got \(pads.count)")
        }
        func overflow() -> NeuralKernelError {
            context.tooLarge(
                "the window geometry (input \(inputSpatial), kernel \(kernel), pads \(pads ?? []), strides "
                    + "\(strides), dilations \(dilations)) overflows")
        }
        var begin = Array(repeating: 0, count: rank)
        var end = Array(repeating: 0, count: rank)
        var output = Array(repeating: 0, count: rank)
        for i in 0..<rank {
            // extent = (kernel - 1) * dilation + 1, every step checked.
            guard kernel[i] >= 1, inputSpatial[i] >= 0, let scaled = TensorBudget.product(kernel[i] - 1, dilations[i])
            else { throw overflow() }
            let extent = scaled + 1
            let size = inputSpatial[i]
            switch autoPad {
            case .notSet:
                if let pads {
                    begin[i] = pads[i]
                    end[i] = pads[i + rank]
                }
                let (padded, o1) = size.addingReportingOverflow(begin[i])
                let (paddedBoth, o2) = padded.addingReportingOverflow(end[i])
                guard !o1, !o2 else { throw overflow() }
                let span = paddedBoth - extent
                if span < 0 {
                    output[i] = 0
                } else if ceilMode {
                    var out = span / strides[i] + (span % strides[i] == 0 ? 0 : 1) + 1
                    // The last window must start inside the input or its leading padding.
                    let (lastStart, o3) = (out - 1).multipliedReportingOverflow(by: strides[i])
                    if o3 || lastStart >= padded { out -= 1 }
                    output[i] = out
                } else {
                    output[i] = span / strides[i] + 1
                }
            case .sameUpper, .sameLower:
                let out = size / strides[i] + (size % strides[i] == 0 ? 0 : 1)
                guard let covered = TensorBudget.product(max(out - 1, 0), strides[i]) else { throw overflow() }
                let (reach, o) = covered.addingReportingOverflow(extent)
                guard !o else { throw overflow() }
                let total = max(0, reach - size)
                let small = total / 2
                begin[i] = autoPad == .sameUpper ? small : total - small
                end[i] = total - begin[i]
                output[i] = out
            case .valid:
                output[i] = size >= extent ? (size - extent) / strides[i] + 1 : 0
            }
            guard output[i] > 0 else {
                throw context.inputError(
                    0, "spatial size \(inputSpatial) is too small for a window of \(kernel) with these pads")
            }
        }
        // Every buffer the kernels size from the plan: the output (planes · out floats), the window
        // table or im2col columns (out · kernel · rows), and the padded input extent.
        let budget = TensorBudget.maxBytes / 4
        guard let outSize = Shape.checkedCount(output), let kernelSize = Shape.checkedCount(kernel),
            let outputs = TensorBudget.product(planes, outSize), outputs <= budget
        else {
            throw context.tooLarge("an output of \(planes) planes of \(output) would need more than \(budget) floats")
        }
        guard let work = TensorBudget.product(outSize, kernelSize, windowRows), work <= budget else {
            throw context.tooLarge(
                "a window table of \(output) outputs × \(kernel) window × \(windowRows) rows exceeds \(budget) entries")
        }
        return SpatialPlan(
            input: inputSpatial, kernel: kernel, stride: strides, dilation: dilations, padBegin: begin,
            padEnd: end, output: output)
    }
}
