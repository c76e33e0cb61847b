import Synchronization

/// The values of a plan that depend on the run-time inputs' shapes alone — a PyTorch dynamo export's
/// `Shape → Slice → Mul → Concat → Reshape` arithmetic, the zeros it expands into an initial state — kept from the
/// last run and reused while the inputs keep their shapes, so those steps run once per shape instead of on every
/// call (at batch 1 they cost an LSTM export as much as a tenth of its time; BENCHMARKS.md).
///
/// A step's outputs depend on the input shapes alone when it is a `Shape` or `Size` node, or when every input it
/// reads is a constant or such a value; steps whose inputs are all constants were folded at load already.
/// Random operators never count. Calls may run concurrently: the cache is one value behind a mutex.
final class ShapeValueCache: Sendable {
    /// Per step of the plan: whether it only computes values of input shapes.
    let skippable: [Bool]
    /// The slots those steps fill that other steps or the graph's outputs read, in the order values are kept.
    let slots: [Int]
    /// Whether a value made by skippable step `i`'s output `j` is kept, and where: `positions[slot]`, or -1.
    private let positions: [Int]
    private let last = Mutex<(shapes: [[Int]], values: [Tensor])?>(nil)

    /// Largest value kept (elements): the cache holds shape vectors and small constants, never activations.
    static let elementLimit = 1 << 16

    /// Whether any step can be skipped.
    var isUseful: Bool { !slots.isEmpty }

    init(steps: [Executor.Step], constant: [Bool], outputSlots: Set<Int>, unfoldable: Set<String>) {
        var fixed = constant
        var skippable: [Bool] = []
        for step in steps {
            let readsShapeOnly = type(of: step.kernel) == ShapeKernel.self || type(of: step.kernel) == SizeKernel.self
            let fromShapes =
                !unfoldable.contains(step.opType)
                && (readsShapeOnly
                    || (step.inputs.allSatisfy { $0 < 0 || fixed[$0] }
                        && step.inputs.contains { $0 >= 0 && !constant[$0] }))
            skippable.append(fromShapes)
            if fromShapes { for s in step.outputs where s >= 0 { fixed[s] = true } }
        }
        var read = outputSlots
        for (i, step) in steps.enumerated() where !skippable[i] {
            for s in step.inputs where s >= 0 { read.insert(s) }
        }
        var slots: [Int] = []
        var positions = [Int](repeating: -1, count: constant.count)
        for (i, step) in steps.enumerated() where skippable[i] {
            for s in step.outputs where s >= 0 && read.contains(s) {
                positions[s] = slots.count
                slots.append(s)
            }
        }
        self.skippable = skippable
        self.slots = slots
        self.positions = positions
    }

    /// The kept values (parallel to ``slots``) when the last run had these input shapes.
    func values(for shapes: [[Int]]) -> [Tensor]? {
        last.withLock { kept in kept.flatMap { $0.shapes == shapes ? $0.values : nil } }
    }

    /// Where `slot`'s value goes in the list ``store(_:for:)`` takes, or nil when it is not kept.
    func position(of slot: Int) -> Int? {
        let p = positions[slot]
        return p >= 0 ? p : nil
    }

    /// Keeps `values` (parallel to ``slots``) for these input shapes, unless one is missing or too large.
    func store(_ values: [Tensor?], for shapes: [[Int]]) {
        let kept = values.compactMap { $0 }
        guard kept.count == slots.count, kept.allSatisfy({ $0.count <= Self.elementLimit }) else { return }
        last.withLock { $0 = (shapes, kept) }
    }
}
