/// Where the learning-based attack takes the inputs it sends to the target.
package enum QuerySource: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Rows of the auditor's public data, in a seeded random order (Knockoff Nets with in-distribution data).
    case publicData
    /// Uniform samples within the per-feature ranges observed in the data.
    case uniform
    /// Gaussian samples around data rows (per-feature standard deviation times `scale`).
    case gaussian(scale: Float)
    /// Jacobian-based dataset augmentation (Papernot et al. 2017): new points are older queries moved by `step`
    /// times each feature's observed range along the sign of the surrogate's input gradient for the target's label.
    case jacobian(step: Float)
    /// Uncertainty sampling: from `poolFactor` Gaussian candidates per query, keep those where the current
    /// surrogate's predictive entropy is highest.
    case uncertainty(poolFactor: Int)

    package var description: String {
        switch self {
        case .publicData: "public-data"
        case .uniform: "uniform"
        case .gaussian(let s): "gaussian(σ×\(s))"
        case .jacobian(let s): "jacobian(λ=\(s))"
        case .uncertainty(let k): "uncertainty(pool×\(k))"
        }
    }

    /// Whether the source needs a trained surrogate to pick its next queries.
    var isAdaptive: Bool {
        switch self {
        case .jacobian, .uncertainty: true
        default: false
        }
    }
}
