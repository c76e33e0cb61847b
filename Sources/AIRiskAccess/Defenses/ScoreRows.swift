import Foundation

/// Helpers shared by the score-transforming defenses: class probabilities from any classifier
/// output, and labels that follow the transformed scores.
enum ScoreRows {
    /// Class probabilities (rows × width) of a classifier's answer: probabilities as they are,
    /// logits through a numerically stable softmax.
    static func probabilities(_ output: ModelOutput) -> [Float] {
        guard output.kind == .logits, output.width > 0 else { return output.scores }
        var p = output.scores
        let w = output.width
        p.withUnsafeMutableBufferPointer { buf in
            for r in 0..<output.rows {
                let base = r &* w
                var m = -Float.infinity
                for j in 0..<w { m = max(m, buf[base &+ j]) }
                var total: Float = 0
                for j in 0..<w {
                    let e = Foundation.exp(buf[base &+ j] - m)
                    buf[base &+ j] = e
                    total += e
                }
                for j in 0..<w { buf[base &+ j] /= total }
            }
        }
        return p
    }

    /// The top class of every row of `scores`; ties go to the undefended model's label, so a
    /// transformation that keeps the order keeps the label.
    static func labels(_ scores: [Float], rows: Int, width: Int, original: [Int]) -> [Int] {
        guard width > 0 else { return original }
        return (0..<rows).map { r in
            let base = r * width
            var top = r < original.count && original[r] >= 0 && original[r] < width ? original[r] : 0
            for j in 0..<width where scores[base + j] > scores[base + top] { top = j }
            return top
        }
    }

    /// `output` with its class scores replaced by the transformed probabilities `scores` (same rows and width),
    /// its labels following them.
    static func defended(_ output: ModelOutput, probabilities scores: [Float]) -> ModelOutput {
        ModelOutput(
            kind: .probabilities, rows: output.rows, scores: scores, width: output.width,
            labels: labels(scores, rows: output.rows, width: output.width, original: output.labels))
    }

    /// Divides every row by its sum; a row that sums to zero becomes uniform.
    static func normalise(_ scores: inout [Float], rows: Int, width: Int) {
        guard width > 0 else { return }
        scores.withUnsafeMutableBufferPointer { buf in
            for r in 0..<rows {
                let base = r &* width
                var total: Float = 0
                for j in 0..<width { total += buf[base &+ j] }
                if total > 0 {
                    for j in 0..<width { buf[base &+ j] /= total }
                } else {
                    for j in 0..<width { buf[base &+ j] = 1 / Float(width) }
                }
            }
        }
    }

    /// The description of a model behind a score defense: probabilities for classifiers (the
    /// defenses work on probabilities), no input gradients.
    static func defendedDescription(_ base: ModelDescription, keepsRegression: Bool = false) -> ModelDescription {
        var d = base
        if d.outputKind == .logits { d.outputKind = .probabilities }
        d.providesInputGradients = false
        return d
    }

    /// Rejects outputs a classifier-score defense cannot transform.
    static func requireClassifierScores(_ output: ModelOutput, model: String, defense: String) throws {
        switch output.kind {
        case .probabilities, .logits:
            guard output.width > 0, output.scores.count == output.rows * output.width else {
                throw ModelAccessError.badOutput(
                    model: model, reason: "\(defense) needs \(output.rows) × \(output.width) scores")
            }
        case .labels, .regression, .sequence:
            throw ModelAccessError.badOutput(
                model: model,
                reason: "\(defense) transforms class scores; this model returns \(output.kind.rawValue) outputs")
        }
    }
}
