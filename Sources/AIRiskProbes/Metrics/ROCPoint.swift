/// One operating point of a membership attack: predict "member" iff score ≥ `threshold`.
package struct ROCPoint: Sendable, Equatable, Codable {
    package var threshold: Double
    package var truePositives: Int
    package var falsePositives: Int
    package var tpr: Double
    package var fpr: Double
}
