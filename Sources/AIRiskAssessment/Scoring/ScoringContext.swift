import AIRiskVocabulary

/// The deployment context a verdict is read in: it moves impact, never likelihood.
public struct ScoringContext: Sendable, Equatable {
    /// Declared sensitivity of the training data.
    public var sensitivity: DataSensitivity
    /// How exposed the deployment is (a policy exposure id: public-api, internal, offline).
    public var exposure: String
    /// The access the probes assumed (white-box, scores, labels-only).
    public var access: String

    public init(sensitivity: DataSensitivity, exposure: String, access: String) {
        self.sensitivity = sensitivity
        self.exposure = exposure
        self.access = access
    }
}
