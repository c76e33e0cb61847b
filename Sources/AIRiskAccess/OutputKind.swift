/// What a model returns for each row, which decides what an attacker learns from a query.
package enum OutputKind: String, Sendable, Codable, CaseIterable {
    /// Class probabilities that sum to one.
    case probabilities
    /// Unnormalised class scores.
    case logits
    /// Only the predicted class index.
    case labels
    /// One or more real-valued targets.
    case regression
    /// Per-step class probabilities of a sequence model (many-to-many).
    case sequence
}
