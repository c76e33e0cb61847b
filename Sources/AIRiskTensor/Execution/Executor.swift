/// Runs a ``Graph`` forward and differentiates it in reverse mode.
///
/// Building an executor resolves one kernel per node through ``KernelRegistry`` (so unsupported
/// operators and bad attributes fail at load time, naming the node), checks that every value is
/// defined before it is read, and numbers every value so a run works on a flat array of slots
/// instead of a dictionary. An executor holds no mutable state: any number of threads may call
/// ``run(inputs:)`` and the gradient methods concurrently.
package struct Executor: Sendable {
    /// One node of a plan. A class, so that reading a step in the run loop retains one reference rather than each
    /// of its fields (the copies were 4 % of a batch-1 MLP).
    final class Step: Sendable {
        let kernel: any Kernel
        /// The kernel again when it can run without keeping its backward tape (``run(inputs:)`` uses it).
        let tapeFree: (any TapeFreeForward)?
        let name: String
        let opType: String
        /// Whether the kernel computes float64 inputs in float64; when false, float64 inputs are rounded to
        /// float32 at the kernel's boundary.
        let computesDouble: Bool
        /// Slot per node input; -1 for an omitted optional input.
        let inputs: [Int]
        /// Slot per node output; -1 for an omitted optional output.
        let outputs: [Int]
        /// Slots whose last reader is this step (released during `run`).
        let releases: [Int]

        init(
            kernel: any Kernel, tapeFree: (any TapeFreeForward)?, name: String, opType: String, computesDouble: Bool,
            inputs: [Int], outputs: [Int], releases: [Int]
        ) {
            self.kernel = kernel
            self.tapeFree = tapeFree
            self.name = name
            self.opType = opType
            self.computesDouble = computesDouble
            self.inputs = inputs
            self.outputs = outputs
            self.releases = releases
        }

        /// The same step with other slots to release.
        func releasing(_ slots: [Int]) -> Step {
            Step(
                kernel: kernel, tapeFree: tapeFree, name: name, opType: opType, computesDouble: computesDouble,
                inputs: inputs, outputs: outputs, releases: slots)
        }
    }

    /// The graph this executor runs, with its initializers.
    package let graph: Graph
    let steps: [Step]
    let slotOf: [String: Int]
    let slotCount: Int
    /// Initializer values at their slots.
    let initialValues: [Tensor?]
    /// What ``run(inputs:)`` runs when no initializer is overridden: the steps left once those computed from
    /// initializers alone (a dynamo export's weight Slices and Concats, Constant nodes, shape arithmetic on
    /// weights) were run here, once, and their values, kept beside the initializers.
    let foldedSteps: [Step]
    let foldedValues: [Tensor?]
    /// The values of ``foldedSteps`` that depend on the input shapes alone, from the last run.
    let shapeCache: ShapeValueCache
    let inputSlots: [(info: ValueInfo, slot: Int)]
    /// The declared element kind of each run-time input (parallel to `inputSlots`).
    let inputKinds: [ElementKind?]
    let outputSlots: [(name: String, slot: Int)]
    /// Graph outputs that depend differentiably on a float graph input.
    let differentiableOutputs: Set<String>

    /// Prepares `graph` for execution. Throws ``ExecutorError`` (unsupported operators, undefined
    /// values) or the ``OperatorError`` of a node whose attributes are invalid.
    package init(graph: Graph) throws {
        ProcessConfiguration.configure()
        self.graph = graph
        var slotOf: [String: Int] = [:]
        var initialValues: [Tensor?] = []
        func newSlot(_ name: String) -> Int {
            let s = initialValues.count
            slotOf[name] = s
            initialValues.append(nil)
            return s
        }
        for (name, value) in graph.initializers.sorted(by: { $0.key < $1.key }) {
            initialValues[newSlot(name)] = value
        }
        var inputSlots: [(info: ValueInfo, slot: Int)] = []
        for info in graph.inputs where slotOf[info.name] == nil {
            inputSlots.append((info, newSlot(info.name)))
        }

        var unsupported: [ExecutorError.UnsupportedOperator] = []
        var steps: [Step] = []
        for (index, node) in graph.nodes.enumerated() {
            let nodeName = node.name.isEmpty ? "#\(index) \(node.opType)" : node.name
            let domain = node.domain == "ai.onnx" ? "" : node.domain
            var inputs: [Int] = []
            for name in node.inputs {
                if name.isEmpty {
                    inputs.append(-1)
                } else if let s = slotOf[name] {
                    inputs.append(s)
                } else {
                    throw ExecutorError.undefinedValue(name: name, node: nodeName)
                }
            }
            var outputs: [Int] = []
            for name in node.outputs {
                if name.isEmpty {
                    outputs.append(-1)
                } else if slotOf[name] != nil {
                    throw ExecutorError.duplicateValue(name: name, node: nodeName)
                } else {
                    outputs.append(newSlot(name))
                }
            }
            guard let type = KernelRegistry.kernel(domain: domain, opType: node.opType) else {
                unsupported.append(.init(opType: node.opType, domain: domain, node: nodeName))
                continue
            }
            let opset =
                graph.opsetImports[domain] ?? (domain.isEmpty ? graph.opsetImports["ai.onnx"] : nil)
                ?? (domain.isEmpty ? 17 : 1)
            var named = node
            named.name = nodeName
            let kernel = try type.init(node: named, opset: opset)
            steps.append(
                Step(
                    kernel: kernel, tapeFree: kernel as? any TapeFreeForward, name: nodeName, opType: node.opType,
                    computesDouble: (kernel as? any DoubleKernel)?.computesDouble ?? false,
                    inputs: inputs, outputs: outputs,
                    releases: []))
        }
        if !unsupported.isEmpty { throw ExecutorError.unsupportedOperators(unsupported) }

        var outputSlots: [(name: String, slot: Int)] = []
        for output in graph.outputs {
            guard let s = slotOf[output.name] else { throw ExecutorError.undefinedOutput(name: output.name) }
            outputSlots.append((output.name, s))
        }

        let kept = Set(outputSlots.map(\.slot))
        steps = Executor.releasing(steps, keep: kept, slotCount: initialValues.count)
        self.steps = steps
        self.slotOf = slotOf
        self.slotCount = initialValues.count
        self.initialValues = initialValues
        let (folded, values) = Executor.fold(steps: steps, initialValues: initialValues, keep: kept)
        let fused = Executor.keepChannelsLast(Executor.fuse(folded, keep: kept), keep: kept, constants: values)
        foldedSteps = Executor.releasing(fused, keep: kept, slotCount: initialValues.count)
        foldedValues = values
        shapeCache = ShapeValueCache(
            steps: foldedSteps, constant: foldedValues.map { $0 != nil }, outputSlots: Set(outputSlots.map(\.slot)),
            unfoldable: Executor.unfoldable)
        self.inputSlots = inputSlots
        self.inputKinds = inputSlots.map { ValueTypeName.kind($0.info.elementType) }
        self.outputSlots = outputSlots
        self.differentiableOutputs = Executor.analyseGradients(
            steps: steps, inputSlots: inputSlots, outputSlots: outputSlots, slotCount: initialValues.count)
        self.reducedPrecisionNodes = Executor.analysePrecision(
            steps: steps, inputSlots: inputSlots, initialValues: initialValues)
    }

    /// `steps` with every value released after its last reader (an output nobody reads right after the step that
    /// makes it), so a run keeps little alive; `keep` (the graph outputs) are never released.
    static func releasing(_ steps: [Step], keep: Set<Int>, slotCount: Int) -> [Step] {
        var lastReader = [Int](repeating: -1, count: slotCount)
        for (i, step) in steps.enumerated() {
            for s in step.outputs where s >= 0 { lastReader[s] = i }
            for s in step.inputs where s >= 0 { lastReader[s] = i }
        }
        var releases = [[Int]](repeating: [], count: steps.count)
        for (slot, reader) in lastReader.enumerated() where reader >= 0 && !keep.contains(slot) {
            releases[reader].append(slot)
        }
        return zip(steps, releases).map { $0.releasing($1) }
    }

    /// The nodes that receive a float64 value but have no float64 path, as "name (OpType)": the engine rounds
    /// their float64 inputs to float32 (nearest) at the node's boundary, so their results can differ from a
    /// float64 runtime's in the last float32 digits. Empty when every float64 value is computed in float64.
    package let reducedPrecisionNodes: [String]

    /// Follows float64 values from the graph inputs and initializers through the kernels that keep them.
    static func analysePrecision(
        steps: [Step], inputSlots: [(info: ValueInfo, slot: Int)], initialValues: [Tensor?]
    ) -> [String] {
        var isDouble = initialValues.map { $0?.elementKind == .double }
        for (info, slot) in inputSlots where ValueTypeName.kind(info.elementType) == .double { isDouble[slot] = true }
        var reduced: [String] = []
        for step in steps {
            guard step.inputs.contains(where: { $0 >= 0 && isDouble[$0] }) else { continue }
            guard step.computesDouble else {
                reduced.append("\(step.name) (\(step.opType))")
                continue
            }
            if (step.kernel as? any DoubleKernel)?.keepsDouble ?? false {
                for s in step.outputs where s >= 0 { isDouble[s] = true }
            }
        }
        return reduced
    }

    /// The boundary rule for a kernel without a float64 path: its float64 inputs rounded to float32.
    @inline(__always)
    static func boundary(_ inputs: inout [Tensor?], _ step: Step) {
        guard !step.computesDouble else { return }
        for i in inputs.indices {
            if case .double(let v)? = inputs[i]?.storage, let shape = inputs[i]?.shape {
                inputs[i] = Tensor(shape: shape, storage: .float(v.map { Float($0) }))
            }
        }
    }

    /// Whether some graph output depends on a float graph input through differentiable kernels
    /// only. Paths that carry only shapes or indices (Shape → Reshape's shape input) and paths
    /// through non-differentiable kernels (trees, ArgMax, integer casts) do not count.
    package var inputGradientsAvailable: Bool { !differentiableOutputs.isEmpty }

    /// Whether the named graph output has gradients with respect to the float graph inputs.
    package func inputGradientsAvailable(forOutput name: String) -> Bool { differentiableOutputs.contains(name) }

    /// The names of the graph's run-time inputs, in declaration order.
    package var inputNames: [String] { inputSlots.map(\.info.name) }

    /// The names of the graph's outputs, in declaration order.
    package var outputNames: [String] { outputSlots.map(\.name) }

    static func analyseGradients(
        steps: [Step], inputSlots: [(info: ValueInfo, slot: Int)], outputSlots: [(name: String, slot: Int)],
        slotCount: Int
    ) -> Set<String> {
        var reached = [Bool](repeating: false, count: slotCount)
        for (info, slot) in inputSlots where ValueTypeName.kind(info.elementType) ?? .float == .float {
            reached[slot] = true
        }
        for step in steps {
            let differentiable = type(of: step.kernel).isDifferentiable
            var flows = false
            for (i, s) in step.inputs.enumerated() where s >= 0 && reached[s] {
                if differentiable && step.kernel.passesGradient(fromInput: i) { flows = true }
            }
            if flows { for s in step.outputs where s >= 0 { reached[s] = true } }
        }
        return Set(outputSlots.filter { reached[$0.slot] }.map(\.name))
    }

    /// Operators whose results are not a function of their inputs: never folded.
    static let unfoldable: Set<String> = [
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Bernoulli", "Multinomial", "Dropout",
    ]

    /// Largest folded value kept (elements): a fold never holds more memory than a model's own weights would.
    private static let foldedElementLimit = 1 << 24

    /// Runs every step whose inputs are all initializers or earlier folded values, once, and returns the steps
    /// left and the values they start from. A step that fails or makes a value larger than
    /// ``foldedElementLimit`` is left to run time, where it fails or runs as it did before.
    static func fold(steps: [Step], initialValues: [Tensor?], keep: Set<Int>) -> ([Step], [Tensor?]) {
        var values = initialValues
        var constant = initialValues.map { $0 != nil }
        var remaining: [Step] = []
        for step in steps {
            let foldable =
                !unfoldable.contains(step.opType) && step.inputs.allSatisfy { $0 < 0 || constant[$0] }
            var ins = step.inputs.map { $0 >= 0 ? values[$0] : nil }
            boundary(&ins, step)
            guard foldable, let out = try? step.kernel.forward(ins),
                out.outputs.count >= step.outputs.filter({ $0 >= 0 }).count,
                out.outputs.allSatisfy({ $0.count <= foldedElementLimit })
            else {
                remaining.append(step)
                continue
            }
            for (i, slot) in step.outputs.enumerated() where slot >= 0 && i < out.outputs.count {
                values[slot] = out.outputs[i]
                constant[slot] = true
            }
        }
        guard remaining.count < steps.count else { return (steps, initialValues) }
        // Keep only the folded values something still reads; the initializers stay for the full plan.
        var read = keep
        for step in remaining { for slot in step.inputs where slot >= 0 { read.insert(slot) } }
        for slot in values.indices where initialValues[slot] == nil && !read.contains(slot) { values[slot] = nil }
        return (remaining, values)
    }

    // MARK: Forward

    /// Runs the graph. `inputs` must hold every graph input; it may also override initializers by
    /// name (training feeds its current parameters this way). Returns every graph output by name.
    package func run(inputs: [String: Tensor]) throws -> [String: Tensor] {
        // Every graph input is required, so as many feeds as inputs means no initializer is overridden and the
        // values folded at load hold.
        let folded = inputs.count == inputSlots.count
        var values = try bind(inputs, base: folded ? foldedValues : initialValues)
        let cache = folded && shapeCache.isUseful ? shapeCache : nil
        let shapes = cache == nil ? [] : inputSlots.map { values[$0.slot]?.shape ?? [] }
        let reused = cache?.values(for: shapes)
        if let cache, let reused { for (slot, value) in zip(cache.slots, reused) { values[slot] = value } }
        var made = [Tensor?](repeating: nil, count: cache != nil && reused == nil ? shapeCache.slots.count : 0)
        let plan = folded ? foldedSteps : steps
        for i in plan.indices {
            if let cache, cache.skippable[i] {
                if reused == nil {
                    _ = try execute(plan[i], &values, keepTape: false)
                    for s in plan[i].outputs where s >= 0 {
                        if let p = cache.position(of: s) { made[p] = values[s] }
                    }
                }
            } else {
                _ = try execute(plan[i], &values, keepTape: false)
            }
            for s in plan[i].releases { values[s] = nil }
        }
        if let cache, reused == nil { cache.store(made, for: shapes) }
        var result: [String: Tensor] = [:]
        result.reserveCapacity(outputSlots.count)
        for (name, slot) in outputSlots {
            if let v = values[slot] { result[name] = v }
        }
        return result
    }

    func bind(_ feeds: [String: Tensor], base: [Tensor?]? = nil) throws -> [Tensor?] {
        var values = base ?? initialValues
        for (name, tensor) in feeds {
            guard let s = slotOf[name], s < values.count, values[s] != nil || isInputSlot(s) else {
                throw ExecutorError.unknownInput(name: name, known: inputNames)
            }
            values[s] = tensor
        }
        for (i, (info, slot)) in inputSlots.enumerated() {
            guard var v = values[slot] else { throw ExecutorError.missingInput(name: info.name) }
            // A float32 feed for a float64 input widens exactly (callers holding Double values pass them as is).
            if inputKinds[i] == .double, case .float(let f) = v.storage {
                v = Tensor(shape: v.shape, storage: .double(f.map { Double($0) }))
                values[slot] = v
            }
            try Executor.check(v, against: info, kind: inputKinds[i])
        }
        return values
    }

    func isInputSlot(_ s: Int) -> Bool { inputSlots.contains { $0.slot == s } }

    static func check(_ value: Tensor, against info: ValueInfo, kind: ElementKind?) throws {
        if let kind, kind != value.elementKind {
            throw ExecutorError.inputElementType(
                name: info.name, declared: info.elementType ?? kind.rawValue, supplied: value.elementKind)
        }
        guard let dims = info.shape else { return }
        guard dims.count == value.shape.count, ExecutorError.firstMismatch(dims, value.shape) == nil else {
            throw ExecutorError.inputShape(name: info.name, declared: dims, supplied: value.shape)
        }
    }

    @inline(__always)
    func execute(_ step: Step, _ values: inout [Tensor?], keepTape: Bool = true) throws -> KernelOutput {
        var ins: [Tensor?] = []
        ins.reserveCapacity(step.inputs.count)
        for s in step.inputs { ins.append(s >= 0 ? values[s] : nil) }
        Executor.boundary(&ins, step)
        let out =
            try keepTape
            ? step.kernel.forward(ins) : (step.tapeFree?.forwardWithoutTape(ins) ?? step.kernel.forward(ins))
        for (i, s) in step.outputs.enumerated() where s >= 0 {
            guard i < out.outputs.count else {
                throw ExecutorError.missingKernelOutput(node: step.name, opType: step.opType, index: i)
            }
            values[s] = out.outputs[i]
        }
        return out
    }

    // MARK: Reverse mode

    /// Runs the graph forward and back: the gradient of `sum(seed * output)` with respect to each
    /// named value (graph inputs and/or initializers). `seed` must have the output's shape.
    package func gradients(
        inputs: [String: Tensor], outputName: String, seed: Tensor, withRespectTo names: [String]
    ) throws -> GradientResult {
        try gradients(inputs: inputs, outputName: outputName, withRespectTo: names) { output in
            guard output.shape == seed.shape else {
                throw ExecutorError.invalidGradientRequest(
                    "seed gradient shape \(seed.shape) does not match output '\(outputName)' shape \(output.shape)")
            }
            return seed
        }
    }

    /// Like ``gradients(inputs:outputName:seed:withRespectTo:)``, but the seed is computed from the
    /// forward value of the output (a loss's derivative), so one forward pass serves both.
    package func gradients(
        inputs: [String: Tensor], outputName: String, withRespectTo names: [String],
        seed makeSeed: (Tensor) throws -> Tensor
    ) throws -> GradientResult {
        guard let outputSlot = slotOf[outputName] else {
            throw ExecutorError.invalidGradientRequest("'\(outputName)' is not a value of the graph")
        }
        var wrt: [Int] = []
        for name in names {
            guard let s = slotOf[name] else {
                throw ExecutorError.invalidGradientRequest(
                    "cannot differentiate with respect to '\(name)': it is not a value of the graph")
            }
            wrt.append(s)
        }

        // Only the steps the output depends on.
        var needed = [Bool](repeating: false, count: slotCount)
        needed[outputSlot] = true
        var active = [Bool](repeating: false, count: steps.count)
        for i in stride(from: steps.count - 1, through: 0, by: -1)
        where steps[i].outputs.contains(where: {
            $0 >= 0 && needed[$0]
        }) {
            active[i] = true
            for s in steps[i].inputs where s >= 0 { needed[s] = true }
        }

        var values = try bind(inputs)
        var saved = [KernelOutput?](repeating: nil, count: steps.count)
        for (i, step) in steps.enumerated() where active[i] {
            saved[i] = try execute(step, &values)
        }
        guard let output = values[outputSlot] else {
            throw ExecutorError.invalidGradientRequest("output '\(outputName)' was not computed")
        }
        let seed = try makeSeed(output)
        guard seed.shape == output.shape, seed.elementKind == .float else {
            throw ExecutorError.invalidGradientRequest(
                "seed gradient shape \(seed.shape) does not match output '\(outputName)' shape \(output.shape)")
        }

        var requires = [Bool](repeating: false, count: slotCount)
        for s in wrt {
            guard let v = values[s], v.elementKind == .float else {
                throw ExecutorError.invalidGradientRequest(
                    "cannot differentiate with respect to '\(slotName(s))': it is not a float value")
            }
            requires[s] = true
        }
        for (i, step) in steps.enumerated() where active[i] {
            let flows = step.inputs.contains { $0 >= 0 && requires[$0] }
            guard flows else { continue }
            for s in step.outputs where s >= 0 && values[s]?.elementKind == .float { requires[s] = true }
        }

        var grads = [Tensor?](repeating: nil, count: slotCount)
        grads[outputSlot] = seed
        for i in stride(from: steps.count - 1, through: 0, by: -1) where active[i] {
            let step = steps[i]
            let outGrads: [Tensor?] = step.outputs.map { $0 >= 0 ? grads[$0] : nil }
            guard outGrads.contains(where: { $0 != nil }) else { continue }
            let wanted = step.inputs.map { $0 >= 0 && requires[$0] }
            guard wanted.contains(true) else { continue }
            let passes = wanted.enumerated().map { j, w in w && step.kernel.passesGradient(fromInput: j) }
            // A float value that needs a gradient reaches the output only through this node.
            if !type(of: step.kernel).isDifferentiable {
                throw ExecutorError.notDifferentiable(node: step.name, opType: step.opType)
            }
            guard passes.contains(true) else { continue }
            let ins: [Tensor?] = step.inputs.map { $0 >= 0 ? values[$0] : nil }
            guard let fwd = saved[i] else { continue }
            let inGrads = try step.kernel.backward(inputs: ins, forward: fwd, outputGradients: outGrads)
            for (j, s) in step.inputs.enumerated() where s >= 0 && passes[j] && j < inGrads.count {
                guard let g = inGrads[j] else { continue }
                if let existing = grads[s] {
                    grads[s] = try Executor.accumulate(existing, g, step)
                } else {
                    grads[s] = g
                }
            }
        }

        var gradients: [String: Tensor] = [:]
        for (name, s) in zip(names, wrt) {
            if let g = grads[s] {
                gradients[name] = g
            } else {
                gradients[name] = .zeros(values[s]?.shape ?? [])
            }
        }
        var outputs: [String: Tensor] = [outputName: output]
        for (name, slot) in outputSlots {
            if let v = values[slot] { outputs[name] = v }
        }
        return GradientResult(outputs: outputs, gradients: gradients)
    }

    func slotName(_ s: Int) -> String { slotOf.first { $0.value == s }?.key ?? "#\(s)" }

    static func accumulate(_ a: Tensor, _ b: Tensor, _ step: Step) throws -> Tensor {
        guard case .float(var x) = a.storage, case .float(let y) = b.storage, x.count == y.count else {
            throw OperatorError.unsupported(
                node: step.name, opType: step.opType,
                reason: "gradient shapes \(a.shape) and \(b.shape) of one value disagree")
        }
        x.withUnsafeMutableBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                for i in 0..<px.count { px[i] += py[i] }
            }
        }
        return Tensor(shape: a.shape, storage: .float(x))
    }
}
