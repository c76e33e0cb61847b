/// Inverted dropout on a hidden layer, as the model builder lays it out: the layer's activation is
/// multiplied by the value `name`, an initializer of ones shaped (1, width) that inference uses as
/// is, and for which the trainer feeds a seeded (rows, width) mask whose kept entries are
/// 1 / (1 − rate) and dropped ones 0.
package struct DropoutMask: Sendable, Equatable {
    package var name: String
    package var width: Int
    /// The probability of dropping a unit, in [0, 1).
    package var rate: Float

    /// A training mask for `rows` rows.
    func sample(rows: Int, using rng: inout SeededGenerator) -> Tensor {
        let keep = 1 / (1 - rate)
        var values = [Float](repeating: 0, count: rows * width)
        for i in values.indices { values[i] = rng.nextUniform() < rate ? 0 : keep }
        return Tensor(shape: [rows, width], scalars: values)
    }
}
