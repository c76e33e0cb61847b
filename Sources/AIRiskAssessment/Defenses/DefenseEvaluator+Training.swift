import AIRiskAccess
import AIRiskProbes
import AIRiskResults
import Foundation

extension DefenseEvaluator {
    /// Training-side defenses, measured on an in-process retrain: the deployed model's architecture (read from
    /// its ONNX graph) is trained on the member data twice with the same recipe and seed, without and with the
    /// defense, and the membership and inversion probes run against both retrains.
    func trainingEvidence(
        _ specs: [DefenseSpec], plan: AssessmentPlan, model: any ModelAccess, members: LabeledData,
        nonMembers: LabeledData, runner: WhatIfProbeRunner, kinds: [ProbeKind], catalogDefenses: [DefenseEvidence]
    ) async throws -> [DefenseEvidence] {
        let desc = model.description
        guard !kinds.isEmpty else { return [] }
        guard desc.isClassifier, desc.outputKind == .probabilities || desc.outputKind == .logits else {
            progress("defenses: training defenses not measured: they retrain classifiers with class scores")
            return []
        }
        guard let architecture = MLPArchitecture(model) else {
            progress("defenses: training defenses not measured: the model is not an ONNX MLP or logistic model")
            return []
        }
        let recipe = runner.profile.membership(seed: plan.seed, scoresAvailable: true)
        let epochs = recipe.epochs
        let batch = recipe.batchSize
        let seed = plan.seed &+ 31
        let classes = desc.outputWidth
        let shape =
            architecture.hiddenSizes.isEmpty
            ? "multinomial logistic regression" : "an MLP with hidden layers \(architecture.hiddenSizes) (ReLU)"
        let baseTrainer = SoftmaxNetworkTrainer(
            hiddenSizes: architecture.hiddenSizes, epochs: epochs, batchSize: batch, learningRate: recipe.learningRate)
        progress("defenses: retraining \(shape) on the members without a defense")
        let plain = try await baseTrainer.train(members, classCount: classes, seed: seed)
        let plainUtility = try await DefenseUtility.measure(plain, on: nonMembers)
        var baseline: [ProbeKind: ProbeOutcome] = [:]
        for kind in kinds {
            baseline[kind] = await runner.run(kind, model: ScoresOnlyModel(plain))
        }

        var out: [DefenseEvidence] = []
        for spec in specs {
            let trained: any ModelAccess
            var recipeText: String
            switch spec {
            case .l2(let lambda):
                var t = baseTrainer
                t.l2 = Float(lambda)
                progress("defenses: retraining with \(spec)")
                trained = try await t.train(members, classCount: classes, seed: seed)
                recipeText = "L2 weight decay λ = \(DefenseSpec.format(lambda)) added to the weight gradients"
            case .dpSGD(let epsilon):
                let delta = 1 / Double(max(members.count, 2))
                let probe = DPSGDTrainer(
                    hiddenSizes: architecture.hiddenSizes, epochs: epochs, batchSize: batch,
                    learningRate: recipe.learningRate)
                let accountant = probe.accountant(rows: members.count)
                guard
                    let sigma = RDPAccountant.noiseMultiplier(
                        forEpsilon: epsilon, delta: delta, samplingRate: accountant.samplingRate,
                        steps: accountant.steps)
                else {
                    progress("defenses: \(spec) not measured: no noise multiplier up to 1 000 reaches ε = \(epsilon)")
                    continue
                }
                var t = probe
                t.noiseMultiplier = Float(sigma)
                let spent = t.accountant(rows: members.count).epsilon(delta: delta)
                progress("defenses: retraining with \(spec) (noise multiplier \(fmt(sigma)))")
                trained = try await t.train(members, classCount: classes, seed: seed)
                recipeText =
                    "DP-SGD: per-example clipping to norm \(DefenseSpec.format(Double(t.clipNorm))), Gaussian noise "
                    + "multiplier \(fmt(sigma)), sampling rate \(fmt(accountant.samplingRate)), \(accountant.steps) "
                    + "steps; RDP accountant: (ε = \(fmt(spent)), δ = \(String(format: "%.2g", delta))) "
                    + "(input standardisation uses the members' statistics and is not accounted)"
            default:
                continue
            }
            let after = try await DefenseUtility.measure(trained, on: nonMembers)
            var measurements: [DefenseMeasurement] = []
            var lines: [String] = []
            for kind in kinds {
                guard let b = baseline[kind] else { continue }
                progress("defenses: \(kind.rawValue) against the retrain with \(spec)")
                let a = await runner.run(kind, model: ScoresOnlyModel(trained))
                measurements += compare(kind, b, a)
                lines.append(summaryLine(kind, b, a))
            }
            measurements.append(
                DefenseMeasurement(
                    probeID: "utility", metric: plainUtility.metric, before: plainUtility.value, after: after.value))
            let notes =
                "Measured on a retrain, not the deployed model: \(shape), the deployed model's architecture, trained "
                + "in-process on the \(members.count) member records twice with the same recipe (Adam, \(epochs) "
                + "epochs, batch \(batch), seed \(seed)) — without the defense (before) and with \(recipeText) "
                + "(after). The probes ran against both retrains with the \(runner.profile.rawValue) profile. "
                + lines.joined(separator: " ")
                + " Utility: \(plainUtility.metric) \(fmt(plainUtility.value)) → \(fmt(after.value))."
            out.append(
                evidence(
                    spec: spec, probes: kinds, catalogDefenses: catalogDefenses, measurements: measurements,
                    utilityChange: after.value - plainUtility.value, notes: notes))
        }
        return out
    }
}
