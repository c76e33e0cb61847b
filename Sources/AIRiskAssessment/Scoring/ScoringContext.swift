import AIRiskVocabulary

/// The deployment context a verdict is read in: it moves impact, never likelihood.
package struct ScoringContext: Sendable, Equatable {
    /// Declared sensitivity of the training data.
    package var sensitivity: DataSensitivity
    /// How exposed the deployment is (a policy exposure id: public-api, internal, offline).
    package var exposure: String
    /// The access the probes assumed (white-box, scores, labels-only).
    package var access: String
}
