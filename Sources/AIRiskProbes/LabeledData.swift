import AIRiskTensor

/// Records with their true labels (classifiers) or targets (regressors), as the probes use them.
public struct LabeledData: Sendable {
    /// `[n, …]`: one row per record, in the model's input layout.
    public var features: Tensor
    /// True class index per record; empty for regression data.
    public var labels: [Int]
    /// True target per record for regression data.
    public var targets: [Float]?

    public init(features: Tensor, labels: [Int], targets: [Float]? = nil) {
        self.features = features
        self.labels = labels
        self.targets = targets
    }

    /// Number of records.
    public var count: Int { features.shape.first ?? 0 }
}
