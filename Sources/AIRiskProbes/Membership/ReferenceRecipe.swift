import Foundation

/// How in-process reference models are trained (the architecture is the target's, or the configured MLP):
/// epochs, L2 weight decay, Adam's learning rate and the batch size. Given by the user
/// (`--reference-recipe`) or chosen by ``ReferenceRecipeCalibration`` so that a reference model's member and
/// non-member losses match the target's.
package struct ReferenceRecipe: Sendable, Equatable, CustomStringConvertible {
    package var epochs: Int
    /// L2 weight decay (λ·W added to the weight gradients).
    package var l2: Float
    package var learningRate: Float
    package var batchSize: Int

    package init(epochs: Int, l2: Float = 0, learningRate: Float = 1e-3, batchSize: Int = 64) {
        self.epochs = epochs
        self.l2 = l2
        self.learningRate = learningRate
        self.batchSize = batchSize
    }

    package var description: String {
        "Adam, \(epochs) epochs, learning rate \(learningRate), batch \(batchSize), L2 \(l2)"
    }

    /// The syntax of ``parse(_:defaults:)``.
    package static let syntax =
        "comma-separated key=value: epochs=N, l2=λ (weight decay), lr=η, batch=B, optimizer=adam; e.g. "
        + "epochs=400,l2=0,lr=0.001,batch=64 (keys left out keep the profile's values)"

    /// Parses `epochs=400,l2=0.0001,lr=0.001,batch=64,optimizer=adam`; keys left out keep `defaults`. Only
    /// Adam is available in-process.
    package static func parse(_ text: String, defaults: ReferenceRecipe) throws(MembershipProbeError) -> ReferenceRecipe
    {
        var recipe = defaults
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[1].isEmpty else {
                throw .badRecipeEntry(entry: "'\(part)'", requirement: "each entry is key=value")
            }
            let (key, value) = (pair[0].lowercased(), pair[1])
            func bad(_ what: String) -> MembershipProbeError {
                .badRecipeEntry(entry: "\(key)=\(value)", requirement: what)
            }
            switch key {
            case "epochs":
                guard let v = Int(value), v >= 1, v <= 100_000 else { throw bad("epochs must be 1…100000") }
                recipe.epochs = v
            case "l2", "weight_decay", "weight-decay":
                guard let v = Float(value), v.isFinite, v >= 0, v <= 10 else { throw bad("L2 must be 0…10") }
                recipe.l2 = v
            case "lr", "learning_rate", "learning-rate":
                guard let v = Float(value), v.isFinite, v > 0, v <= 10 else {
                    throw bad("the learning rate must be in (0, 10]")
                }
                recipe.learningRate = v
            case "batch", "batch_size", "batch-size":
                guard let v = Int(value), v >= 1, v <= 1_000_000 else { throw bad("the batch must be 1…1000000") }
                recipe.batchSize = v
            case "optimizer", "optimiser":
                guard value.lowercased() == "adam" else {
                    throw bad(
                        "in-process reference models train with Adam only; train them in your own pipeline and "
                            + "give them with --reference-models")
                }
            default:
                throw .badRecipeEntry(entry: "\(key)=\(value)", requirement: "'\(key)' is not a key the recipe knows")
            }
        }
        return recipe
    }
}

/// The recipe calibrated for in-process reference models and how closely a reference model's losses
/// matched the target's (mean cross-entropy on the members and the non-members).
package struct ReferenceRecipeMatch: Sendable, Equatable {
    package var recipe: ReferenceRecipe
    package var targetMemberLoss: Double
    package var targetNonMemberLoss: Double
    package var referenceMemberLoss: Double
    package var referenceNonMemberLoss: Double
    /// Both losses within ``ReferenceRecipeCalibration/tolerance`` (a factor) of the target's.
    package var matched: Bool
}
