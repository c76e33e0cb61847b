import AIRiskAccess

/// A trainer that fits a ``SoftmaxNetwork`` to flat rows; it serves as a ``MembershipModelTrainer`` by
/// wrapping the fitted network in a ``SoftmaxNetworkModel``.
public protocol SoftmaxNetworkFitter: MembershipModelTrainer {
    /// Fits a network to `rows` rows of `features` (row-major, `featureCount` per row).
    func fit(
        features: [Float], rows: Int, featureCount: Int, labels: [Int], classCount: Int, seed: UInt64
    ) throws -> SoftmaxNetwork
}

extension SoftmaxNetworkFitter {
    public func train(_ data: LabeledData, classCount: Int, seed: UInt64) async throws -> any ModelAccess {
        let network = try fit(
            features: data.scalars, rows: data.count, featureCount: data.rowWidth, labels: data.labels,
            classCount: classCount, seed: seed)
        return SoftmaxNetworkModel(network: network, inputShape: data.rowShape)
    }
}
