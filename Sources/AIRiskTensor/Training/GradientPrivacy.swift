/// DP-SGD's per-example treatment of gradients (Abadi et al. 2016): each row's gradient is
/// clipped to L2 norm ``clipNorm`` over all parameters, and Gaussian noise of standard deviation
/// ``noiseMultiplier`` × ``clipNorm`` is added to the sum before it is divided by the batch size.
public struct GradientPrivacy: Sendable, Equatable {
    public var clipNorm: Float
    public var noiseMultiplier: Float

    public init(clipNorm: Float, noiseMultiplier: Float) {
        self.clipNorm = clipNorm
        self.noiseMultiplier = noiseMultiplier
    }
}
