import AIRiskTensor

/// A data set the auditor holds: feature rows with class labels, and real-valued targets for regression.
public struct LabeledData: Sendable {
    /// Features with the row count as the first dimension ([n, d…]).
    public var features: Tensor
    /// One class label per row (empty or ignored for pure regression data).
    public var labels: [Int]
    /// One regression target per row (first output), or nil for classification data.
    public var targets: [Float]?

    public init(features: Tensor, labels: [Int], targets: [Float]? = nil) {
        self.features = features
        self.labels = labels
        self.targets = targets
    }

    /// Number of rows.
    public var count: Int { features.shape.first ?? 0 }
}
