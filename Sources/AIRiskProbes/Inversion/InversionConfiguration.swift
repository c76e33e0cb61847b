/// The knobs of the model-inversion probe. The names follow the MI-Face algorithm of
/// Fredrikson et al. 2015 as seed 003 describes it (α iterations of step λ, a PROCESS step after
/// each update), with seed 002's improvements as the default: a fixed budget of α iterations with
/// the best iterate kept (stopping at confidence γ finds adversarial patterns, "MI overfitting"),
/// and a prior fitted on the attacker's public data that the descent starts from and is held to.
package struct InversionConfiguration: Sendable, Equatable {
    /// The prior's metric M in the penalty λ (x − x̄)ᵀ M⁻¹ (x − x̄) / d, x̄ the public data's mean.
    package enum Prior: String, Sendable, Equatable, CaseIterable {
        /// M = diag(range²): an L2 pull toward the public mean in each feature's own units.
        case l2
        /// M = the public data's covariance, shrunk toward its mean variance (at most
        /// 1024 features; wider inputs fall back to `l2`).
        case gaussian
    }

    /// Post-processing applied after each update (MI-Face's PROCESS).
    package enum Process: String, Sendable, Equatable, CaseIterable {
        /// Clip every feature to its observed range.
        case clip
        /// Clip, then blend each pixel with its 3×3 neighbourhood mean (image-shaped inputs).
        case denoise
        /// Clip, then push each pixel away from its 3×3 neighbourhood mean (image-shaped inputs).
        case sharpen
    }

    /// Target classes; nil for every class.
    package var classes: [Int]?
    /// α: gradient-ascent iterations (all of them unless `stopsEarly`).
    package var maxIterations: Int = 300
    /// λ: step size: the feature that moves most moves this fraction of its observed range.
    package var stepSize: Float = 0.03
    /// MI-Face's stopping rule: stop at γ or after β iterations without improvement. Off by
    /// default: the fixed budget with the best iterate kept reconstructs better.
    package var stopsEarly: Bool = false
    /// β: with `stopsEarly`, stop after this many iterations without improvement.
    package var patience: Int = 50
    /// γ: with `stopsEarly`, stop once the cost 1 − f_target(x) is at or below this.
    package var costThreshold: Float = 1e-4
    /// The prior's metric.
    package var prior: Prior = .gaussian
    /// Weight of the prior's penalty per feature; 0 leaves only the start at the public mean.
    package var priorWeight: Float = 1
    /// How far the Gaussian prior's covariance is shrunk toward its mean variance.
    package var priorShrinkage: Float = 0.1
    /// Random restarts per class; the best reconstruction is kept.
    package var restarts: Int = 3
    /// The first restart begins at the public data's mean; the others add a uniform jitter of this
    /// fraction of each feature's range.
    package var startJitter: Float = 0.1
    /// Weight of the total-variation prior (image-shaped inputs only).
    package var totalVariationWeight: Float = 0
    package var process: Process = .clip
    /// Black-box only: antithetic Gaussian sample pairs per gradient estimate.
    package var samplesPerEstimate: Int = 20
    /// Black-box only: Gaussian smoothing radius, relative to each feature's range.
    package var samplingRadius: Float = 0.05
    /// Black-box only: first train an in-process copy of the target on its labels for public rows,
    /// invert the copy white-box, and refine those reconstructions on the target (surrogate transfer).
    /// Off by default: on the digits fixtures, with the public-data prior, NES alone did as well
    /// (10,000 queries: centred cosine 0.932 / 0.893 alone against 0.935 / 0.916 with transfer, but
    /// evaluator accuracy 1.0 / 0.9 against 0.7 / 0.8 for softmax digits / the overfit MLP).
    package var surrogateTransfer: Bool = false
    /// Black-box only: the most public rows the target labels for the copy (at most half the budget).
    package var surrogateQueries: Int = 2000
    /// What the ascent maximises for the target class c (besides the prior).
    package enum Objective: String, Sendable, Equatable, CaseIterable {
        /// log p_c, the negated cross-entropy.
        case logProbability = "log-probability"
        /// log p_c − max_{j≠c} log p_j, the logit margin over the strongest other class (seed 002): it keeps
        /// pulling until the class stands out, not until p_c saturates.
        case logitMargin = "logit-margin"
    }

    package var objective: Objective = .logProbability
    /// White-box only: in-process copies of the target, trained on its labels for up to ``surrogateQueries``
    /// public rows, whose objective the ascent averages with the target's (model augmentation); 0 for none.
    package var augmentationModels: Int = 0
    /// Rows of model queries the whole probe may spend (black-box); nil for no limit.
    package var queryBudget: Int?
    /// Forces the black-box attack even when gradients are available.
    package var forceBlackBox: Bool = false
    /// Image layout `[channels, height, width]` or `[height, width]` of one input row, when known.
    package var imageShape: [Int]?
    /// Whether a flattened row holds the image's pixels channels last (height, width, channel: the
    /// numpy layout of `[H, W, C]` arrays) rather than channels first.
    package var imageChannelsLast: Bool = false
    package var seed: UInt64 = 0

    package init() {}
}
