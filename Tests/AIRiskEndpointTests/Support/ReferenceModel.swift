import AIRiskTensor
import Foundation

/// The fault server's fixed 3-class softmax model, recomputed here to check answers.
enum ReferenceModel {
    static let classes = 3
    static let features = 4

    static func weight(_ c: Int, _ j: Int) -> Double { Double(((c + 1) * (j + 1)) % 5) / 2.0 - 1.0 }

    static func probabilities(_ row: ArraySlice<Float>) -> [Double] {
        let logits = (0..<classes).map { c in
            zip(0..<features, row).reduce(0.0) { $0 + weight(c, $1.0) * Double($1.1) }
        }
        let m = logits.max() ?? 0
        let e = logits.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// `rows` deterministic input rows.
    static func rows(_ rows: Int, seed: Int = 1) -> Tensor {
        let values = (0..<(rows * features)).map { i in Float(((i * 7 + seed * 13) % 11) - 5) / 4 }
        return Tensor(shape: [rows, features], scalars: values)
    }
}
