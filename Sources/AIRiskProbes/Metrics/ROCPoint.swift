/// One operating point of a membership attack: predict "member" iff score ≥ `threshold`.
public struct ROCPoint: Sendable, Equatable, Codable {
    public var threshold: Double
    public var truePositives: Int
    public var falsePositives: Int
    public var tpr: Double
    public var fpr: Double

    public init(threshold: Double, truePositives: Int, falsePositives: Int, tpr: Double, fpr: Double) {
        self.threshold = threshold
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.tpr = tpr
        self.fpr = fpr
    }
}
