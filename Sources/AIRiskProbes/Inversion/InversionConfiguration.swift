/// The knobs of the model-inversion probe. The names follow the MI-Face algorithm of
/// Fredrikson et al. 2015 as seed 003 describes it: at most α iterations of step λ, stop when the
/// cost has not improved for β iterations or falls to γ, and a PROCESS step after each update.
public struct InversionConfiguration: Sendable, Equatable {
    /// Post-processing applied after each update (MI-Face's PROCESS).
    public enum Process: String, Sendable, Equatable, CaseIterable {
        /// Clip every feature to its observed range.
        case clip
        /// Clip, then blend each pixel with its 3×3 neighbourhood mean (image-shaped inputs).
        case denoise
        /// Clip, then push each pixel away from its 3×3 neighbourhood mean (image-shaped inputs).
        case sharpen
    }

    /// Target classes; nil for every class.
    public var classes: [Int]?
    /// α: maximum gradient-descent iterations.
    public var maxIterations: Int = 300
    /// λ: step size, relative to each feature's observed range.
    public var stepSize: Float = 0.1
    /// β: stop after this many iterations without improvement.
    public var patience: Int = 50
    /// γ: stop once the cost 1 − f_target(x) is at or below this.
    public var costThreshold: Float = 1e-4
    /// Random restarts per class; the best reconstruction is kept.
    public var restarts: Int = 3
    /// Restarts begin at the centre of the feature box plus a uniform jitter of this fraction of
    /// each feature's range.
    public var startJitter: Float = 0.1
    /// Weight of the total-variation prior (image-shaped inputs only).
    public var totalVariationWeight: Float = 0
    /// Weight of the L2 prior pulling features towards the middle of their range.
    public var l2Weight: Float = 0
    public var process: Process = .clip
    /// Black-box only: antithetic Gaussian sample pairs per gradient estimate.
    public var samplesPerEstimate: Int = 20
    /// Black-box only: Gaussian smoothing radius, relative to each feature's range.
    public var samplingRadius: Float = 0.05
    /// Rows of model queries the whole probe may spend (black-box); nil for no limit.
    public var queryBudget: Int?
    /// Forces the black-box attack even when gradients are available.
    public var forceBlackBox: Bool = false
    /// Image layout `[channels, height, width]` or `[height, width]` of one input row, when known.
    public var imageShape: [Int]?
    public var seed: UInt64 = 0

    public init() {}
}
