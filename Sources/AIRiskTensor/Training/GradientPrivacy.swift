/// DP-SGD's per-example treatment of gradients (Abadi et al. 2016): each row's gradient is
/// clipped to L2 norm ``clipNorm`` over all parameters, and Gaussian noise of standard deviation
/// ``noiseMultiplier`` × ``clipNorm`` is added to the sum before it is divided by the batch size.
package struct GradientPrivacy: Sendable, Equatable {
    package var clipNorm: Float
    package var noiseMultiplier: Float

    package init(clipNorm: Float, noiseMultiplier: Float) {
        self.clipNorm = clipNorm
        self.noiseMultiplier = noiseMultiplier
    }
}
