/// The attributes shared by RNN, GRU and LSTM: hidden_size, direction, activations (with their
/// alpha/beta), clip and layout.
struct RecurrentAttributes: Sendable {
    enum Direction: String, Sendable { case forward, reverse, bidirectional }

    let hiddenSize: Int
    let direction: Direction
    /// Activations per direction, `perDirection` functions each (f, g, h as the operator defines).
    let activations: [[RecurrentActivation]]
    /// Pre-activation clip bound; `.infinity` when clip is not set.
    let clip: Float
    /// 0: X is (seq, batch, input); 1: X is (batch, seq, input).
    let batchFirst: Bool

    var directions: Int { direction == .bidirectional ? 2 : 1 }

    /// Whether direction `d` runs from the last step to the first.
    func isReverse(_ d: Int) -> Bool { direction == .reverse || d == 1 }

    init(_ context: NeuralNodeContext, defaults: [RecurrentActivation]) throws {
        hiddenSize = try context.int("hidden_size", default: 0)
        guard hiddenSize > 0 else {
            throw context.attributeError("hidden_size", "is required and must be positive")
        }
        let name = try context.string("direction", default: "forward")
        guard let direction = Direction(rawValue: name) else {
            throw context.attributeError("direction", "must be forward, reverse or bidirectional, got '\(name)'")
        }
        self.direction = direction
        let count = direction == .bidirectional ? 2 : 1
        if let names = try context.strings("activations") {
            guard names.count == defaults.count * count else {
                let perDirection = defaults.count, expected = defaults.count * count
                let reason = "must list \(perDirection) functions per direction (\(expected) in all), got \(names)"
                throw context.attributeError("activations", reason)
            }
            guard
                let parsed = RecurrentActivation.parse(
                    names, alphas: try context.floats("activation_alpha") ?? [],
                    betas: try context.floats("activation_beta") ?? [])
            else {
                throw context.unsupported("activations \(names)")
            }
            activations = (0..<count).map { Array(parsed[($0 * defaults.count)..<(($0 + 1) * defaults.count)]) }
        } else {
            activations = Array(repeating: defaults, count: count)
        }
        if let clip = try context.float("clip") {
            guard clip > 0 else { throw context.attributeError("clip", "must be positive, got \(clip)") }
            self.clip = clip
        } else {
            clip = .infinity
        }
        let layout = try context.int("layout", default: 0)
        guard layout == 0 || layout == 1 else {
            throw context.attributeError("layout", "must be 0 or 1, got \(layout)")
        }
        batchFirst = layout == 1
    }

    /// Whether backward needs the gate pre-activations. When clip is unset and every activation
    /// is tanh, sigmoid or relu, the derivatives follow from the gate values alone and kernels
    /// save those in their place.
    var keepsPreactivations: Bool {
        clip.isFinite || activations.joined().contains { $0 != .tanh && $0 != .sigmoid && $0 != .relu }
    }

    @inline(__always)
    func clipped(_ x: Float) -> Float { min(max(x, -clip), clip) }

    /// 1 where the clip lets the gradient through, else 0.
    @inline(__always)
    func clipMask(_ x: Float) -> Float { abs(x) <= clip ? 1 : 0 }
}
