/// A regressor's mean squared error on the member and non-member records, averaged over its outputs.
package struct RegressionError: Sendable, Equatable, Codable {
    /// The number of outputs k each record's error is averaged over.
    package var outputCount: Int
    package var memberMSE: Double
    package var nonMemberMSE: Double
}
