/// The deployment context a verdict is read in: it moves impact, never likelihood.
public struct ScoringContext: Sendable, Equatable {
    /// Declared sensitivity of the training data (a policy sensitivity id: low, medium, high).
    public var sensitivity: String
    /// How exposed the deployment is (a policy exposure id: public-api, internal, offline).
    public var exposure: String
    /// The access the probes assumed (white-box, scores, labels-only).
    public var access: String

    public init(sensitivity: String, exposure: String, access: String) {
        self.sensitivity = sensitivity
        self.exposure = exposure
        self.access = access
    }
}
