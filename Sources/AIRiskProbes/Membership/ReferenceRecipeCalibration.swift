import AIRiskAccess
import AIRiskTensor
import Foundation

/// Chooses the recipe of the in-process reference models so that they behave like the target on the audit
/// data (issue 19): LiRA and RMIA compare the target with its reference models record by record, so a
/// reference model trained with a gentler recipe than the target (fewer epochs, more weight decay) is less
/// confident on every record and the comparison points the wrong way.
///
/// The target's mean cross-entropy on the members and on the non-members is known. Each candidate recipe
/// trains one model on the same random half of the reference pool; its mean loss on the target records it
/// trained on (IN) and on those it did not (OUT) is compared with the target's member and non-member losses,
/// and the candidate with the smallest |ln(IN / member)| + |ln(OUT / non-member)| is kept. It matches when
/// both ratios lie within a factor ``tolerance``.
enum ReferenceRecipeCalibration {
    /// Both losses within this factor of the target's count as a match.
    static let tolerance = 1.5
    /// Losses below this are treated as this (a memorising target can reach 0 in float32).
    static let lossFloor = 1e-6

    struct Trial: Sendable, Equatable {
        var recipe: ReferenceRecipe
        var memberLoss: Double
        var nonMemberLoss: Double
        var distance: Double
    }

    struct Outcome: Sendable, Equatable {
        var chosen: Trial
        var targetMemberLoss: Double
        var targetNonMemberLoss: Double
        var trials: [Trial]

        var matched: Bool {
            let bound = log(ReferenceRecipeCalibration.tolerance)
            return abs(ratio(chosen.memberLoss, targetMemberLoss)) <= bound
                && abs(ratio(chosen.nonMemberLoss, targetNonMemberLoss)) <= bound
        }

        /// For the results: the chosen recipe, the losses side by side and every trial.
        var summary: String {
            let fmt = { (x: Double) in String(format: "%.4g", x) }
            let trialText = trials.map {
                "\($0.recipe.epochs) epochs / L2 \($0.recipe.l2): \(fmt($0.memberLoss)) / \(fmt($0.nonMemberLoss))"
            }.joined(separator: "; ")
            return "reference recipe calibrated to the target: \(chosen.recipe); member / non-member loss "
                + "(mean cross-entropy) target \(fmt(targetMemberLoss)) / \(fmt(targetNonMemberLoss)), reference "
                + "\(fmt(chosen.memberLoss)) / \(fmt(chosen.nonMemberLoss)) — "
                + (matched
                    ? "both within a factor \(ReferenceRecipeCalibration.tolerance)"
                    : "not within a factor \(ReferenceRecipeCalibration.tolerance) (the closest candidate; give "
                        + "the target's own recipe with --reference-recipe, or your own references with "
                        + "--reference-models)")
                + " (candidates, IN / OUT loss: \(trialText))"
        }
    }

    static func ratio(_ a: Double, _ b: Double) -> Double {
        log(max(a, lossFloor) / max(b, lossFloor))
    }

    /// Mean −log p_y over `rows`.
    static func meanLoss(_ lp: LogProbabilities, labels: [Int], rows: some Sequence<Int>) -> Double {
        var sum = 0.0
        var count = 0
        for r in rows {
            let y = labels[r]
            sum -= y >= 0 && y < lp.width ? lp.values[r * lp.width + y] : LogProbabilities.floor
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// Trains one model per candidate on one seeded random half of `pool` (whose first `targetCount` rows
    /// are the target records) and keeps the candidate closest to the target's losses.
    static func run(
        candidates: [ReferenceRecipe], trainer: (ReferenceRecipe) -> EngineNetworkTrainer, pool: LabeledData,
        targetCount: Int,
        targetMemberLoss: Double, targetNonMemberLoss: Double, classCount: Int, seed: UInt64, batchRows: Int
    ) async throws -> Outcome {
        var rng = SeededGenerator(seed: seed)
        var order = Array(0..<pool.count)
        order.shuffle(using: &rng)
        let half = Array(order[..<(pool.count / 2)])
        var isIn = [Bool](repeating: false, count: pool.count)
        for i in half { isIn[i] = true }
        let inRows = (0..<targetCount).filter { isIn[$0] }
        let outRows = (0..<targetCount).filter { !isIn[$0] }
        let training = pool.subset(half)
        let targets = pool.subset(Array(0..<targetCount))
        let trainSeed = rng.next()
        let trainers = candidates.map(trainer)
        let trials: [Trial] = try await ParallelMap.run(candidates.count) { c in
            let recipe = candidates[c]
            let model = try await trainers[c].train(training, classCount: classCount, seed: trainSeed)
            let out = try await model.predict(
                scalars: targets.scalars, rows: targets.count, rowShape: targets.rowShape, batchRows: batchRows)
            guard let lp = LogProbabilities(out), lp.width == classCount else {
                throw MembershipProbeError.shortAnswer(
                    model: "a calibration model", expected: "\(classCount) class scores")
            }
            let member = meanLoss(lp, labels: targets.labels, rows: inRows)
            let nonMember = meanLoss(lp, labels: targets.labels, rows: outRows)
            return Trial(
                recipe: recipe, memberLoss: member, nonMemberLoss: nonMember,
                distance: abs(ratio(member, targetMemberLoss)) + abs(ratio(nonMember, targetNonMemberLoss)))
        }
        guard var chosen = trials.first else {
            throw MembershipProbeError.badTrainingSetting(
                setting: "reference recipe candidates", value: "none", requirement: "calibration needs at least one")
        }
        for t in trials.dropFirst() where t.distance < chosen.distance { chosen = t }
        return Outcome(
            chosen: chosen, targetMemberLoss: targetMemberLoss, targetNonMemberLoss: targetNonMemberLoss,
            trials: trials)
    }
}
