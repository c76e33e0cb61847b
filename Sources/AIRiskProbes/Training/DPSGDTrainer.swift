import AIRiskAccess
import AIRiskTensor

/// Differentially private training (DP-SGD, Abadi et al. 2016) of the networks
/// ``EngineNetworkTrainer`` fits, on the engine's trainer: every example's gradient is clipped to L2
/// norm `clipNorm`, the clipped gradients are summed, Gaussian noise of standard deviation
/// `noiseMultiplier × clipNorm` is added, and the sum is divided by the batch size before an Adam step
/// (post-processing, so the privacy is unchanged). The (ε, δ) spent is reported by ``RDPAccountant``.
package struct DPSGDTrainer: MembershipModelTrainer {
    package var hiddenSizes: [Int]
    package var epochs: Int
    package var batchSize: Int
    package var learningRate: Float
    package var clipNorm: Float
    package var noiseMultiplier: Float

    package init(
        hiddenSizes: [Int] = [64], epochs: Int = 60, batchSize: Int = 64, learningRate: Float = 1e-3,
        clipNorm: Float = 1, noiseMultiplier: Float = 1
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        self.noiseMultiplier = noiseMultiplier
    }

    package var summary: String {
        let shape = hiddenSizes.isEmpty ? "multinomial logistic regression" : "MLP with hidden layers \(hiddenSizes)"
        return "\(shape), DP-SGD (clip \(clipNorm), noise multiplier \(noiseMultiplier)), Adam lr \(learningRate), "
            + "batch \(batchSize), \(epochs) epochs"
    }

    /// The privacy accounting of training on `rows` records.
    package func accountant(rows: Int) -> RDPAccountant {
        let b = max(1, min(batchSize, rows))
        let stepsPerEpoch = (rows + b - 1) / b
        return RDPAccountant(
            samplingRate: Double(b) / Double(max(rows, 1)), noiseMultiplier: Double(noiseMultiplier),
            steps: stepsPerEpoch * epochs)
    }

    /// The engine trainer this recipe runs. (Its input standardisation touches every record; an attacker-grade
    /// accounting would fix the statistics from public data — noted in the report.)
    package var engineTrainer: EngineNetworkTrainer {
        EngineNetworkTrainer(
            hiddenSizes: hiddenSizes, epochs: epochs, batchSize: batchSize, learningRate: learningRate,
            privacy: GradientPrivacy(clipNorm: clipNorm, noiseMultiplier: noiseMultiplier),
            initialisation: .glorotNormal)
    }

    package func train(_ data: LabeledData, classCount: Int, seed: UInt64) async throws -> any ModelAccess {
        try await engineTrainer.train(data, classCount: classCount, seed: seed)
    }
}
