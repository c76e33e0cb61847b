/// A regressor's mean squared error on the member and non-member records, averaged over its outputs.
public struct RegressionError: Sendable, Equatable, Codable {
    /// The number of outputs k each record's error is averaged over.
    public var outputCount: Int
    public var memberMSE: Double
    public var nonMemberMSE: Double

    public init(outputCount: Int, memberMSE: Double, nonMemberMSE: Double) {
        self.outputCount = outputCount
        self.memberMSE = memberMSE
        self.nonMemberMSE = nonMemberMSE
    }
}
