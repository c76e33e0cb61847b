import AIRiskProbes
import AIRiskResults
import AIRiskTensor
import Foundation

/// The inversion probe's result in the canonical results form: the per-class table, the
/// reconstructions as PNG images beside the class means (image-shaped inputs) or as feature
/// vectors (tabular inputs).
extension InversionRun {
    static func probeResult(
        _ r: InversionResult, range: FeatureRange, featureNames: [String], classCount: Int
    ) -> ProbeResult {
        var p = ProbeResult(
            id: "inversion", title: "Model inversion", accessAssumed: r.access.rawValue,
            queries: QueryUsage(
                calls: r.queries.calls, rows: r.queries.rows, gradientCalls: r.queries.gradientCalls,
                budget: r.queryBudget),
            wallTimeSeconds: r.wallTimeSeconds, seed: r.seed, notes: r.notes)
        if let reason = r.notApplicableReason {
            p.status = .skipped(reason: reason)
            return p
        }
        p.notes.insert("method: \(r.method)", at: 0)
        p.metrics.append(evidence(r, classCount: classCount).metric)
        if let acc = r.attackAccuracy {
            p.metrics.append(
                Metric(
                    id: .inversionEvaluatorAccuracy, name: "Attack accuracy (evaluation model)", value: acc,
                    unit: "fraction",
                    basis: "\(r.classes.count) classes judged by a classifier trained on the member data"))
        }
        p.metrics.append(
            Metric(
                id: .inversionClassesReached, name: "Classes reached (target's own label)", value: r.targetSuccessRate,
                unit: "fraction"))
        p.metrics.append(
            Metric(
                id: .inversionMeanConfidence, name: "Mean target confidence", value: r.meanTargetConfidence,
                unit: "probability"))
        func mean(_ f: (ClassInversion) -> Double?) -> Double? {
            let v = r.classes.compactMap(f)
            return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
        }
        if let c = mean({ $0.similarity?.centredCosineToClassMean }),
            let rc = mean({ $0.randomBaseline?.centredCosineToClassMean })
        {
            p.metrics.append(
                Metric(
                    id: .inversionCentredCosine, name: "Centred cosine to class mean", value: c, unit: "cosine",
                    basis: String(format: "random-input baseline %.3f", rc)))
        }

        var rows: [[TableCell]] = []
        for c in r.classes {
            func fmt(_ v: Double?) -> TableCell { v.map { .number($0) } ?? .text("–") }
            rows.append([
                .number(Double(c.targetClass)), .number(c.targetConfidence), .number(Double(c.targetPrediction)),
                c.evaluatorPrediction.map { .number(Double($0)) } ?? .text("–"),
                fmt(c.similarity?.mseToClassMean), fmt(c.similarity?.cosineToClassMean),
                fmt(c.similarity?.centredCosineToClassMean), fmt(c.nonMemberMeanBaseline?.centredCosineToClassMean),
                fmt(c.randomBaseline?.centredCosineToClassMean), fmt(c.similarity?.nearestMemberDistance),
                fmt(c.randomBaseline?.nearestMemberDistance), .number(Double(c.iterations)),
                .text(beyondPublic(c).map { $0 ? "yes" : "no" } ?? "–"),
            ])
        }
        p.tables.append(
            ResultTable(
                id: .inversionPerClassTable, title: "Per class",
                columns: [
                    "Class", "Target confidence", "Target label", "Evaluator label", "MSE to class mean", "Cosine",
                    "Centred cosine", "Centred cosine (non-member mean)", "Centred cosine (random)",
                    "Nearest member distance", "Nearest member (random)", "Iterations", "Beyond public data",
                ], rows: rows))
        let judged = r.classes.compactMap(beyondPublic)
        if !judged.isEmpty {
            // Per class: is the reconstruction closer to the members' class mean than the non-members' class mean
            // (what public data gives without the model) is?
            p.metrics.append(
                Metric(
                    id: .inversionClassesBeyondPublic, name: "Classes beyond the public baseline",
                    value: Double(judged.filter { $0 }.count) / Double(judged.count), unit: "fraction",
                    basis: "\(judged.filter { $0 }.count) of \(judged.count) classes whose reconstruction is closer "
                        + "(centred cosine) to the members' class mean than the non-members' class mean is"))
        }

        if let shape = r.imageShape, shape.count == 3 {
            let drawing = RecordImage(shape: shape, channelsLast: r.configuration.imageChannelsLast, range: range)
            for c in r.classes {
                if let png = drawing.png(c.reconstruction) {
                    p.images.append(
                        ImageArtifact(
                            title: "Class \(c.targetClass) reconstruction",
                            caption: String(format: "target confidence %.3f", c.targetConfidence),
                            classLabel: String(c.targetClass), content: .png(png.data), width: png.width,
                            height: png.height))
                }
                if let meanRecord = c.classMean, let png = drawing.png(meanRecord) {
                    p.images.append(
                        ImageArtifact(
                            title: "Class \(c.targetClass) member mean", caption: "mean of the class's member records",
                            classLabel: String(c.targetClass), content: .png(png.data), width: png.width,
                            height: png.height))
                }
            }
        }
        // The reconstructions as numbers (images too: a long table goes beside the report as CSV, and
        // the report writer exports it as .npy).
        let names = featureNames.count == range.count ? featureNames : (0..<range.count).map { "f\($0)" }
        var vectorRows: [[TableCell]] = []
        for (j, name) in names.enumerated() {
            vectorRows.append([.text(name)] + r.classes.map { .number(Double($0.reconstruction[j])) })
        }
        p.tables.append(
            ResultTable(
                id: .inversionReconstructionsTable, title: "Reconstructed feature vectors",
                columns: ["Feature"] + r.classes.map { "class \($0.targetClass)" }, rows: vectorRows))
        return p
    }

    /// The headline: attack accuracy over the attacked classes with its Clopper–Pearson interval,
    /// against 1/K (K the model's class count) and against the public baseline — the non-member class
    /// mean, which anyone with public data can compute without attacking the model.
    static func evidence(_ r: InversionResult, classCount: Int) -> LeakageEvidence {
        let k = max(classCount, r.classes.count, 1)
        let chance = 1 / Double(k)
        let judged = r.classes.compactMap { c in c.evaluatorPrediction.map { $0 == c.targetClass } }
        guard !judged.isEmpty else {
            return LeakageEvidence(
                id: .inversionAttackAccuracy, name: "Attack accuracy", value: 0, lower: 0, upper: 1, chance: chance,
                basis: "not measured: no evaluation classifier (labels-only or regression outputs)")
        }
        let hits = judged.filter { $0 }.count
        let ci = ClopperPearson.interval(successes: hits, trials: judged.count)
        func mean(_ f: (ClassInversion) -> Double?) -> Double? {
            let v = r.classes.compactMap(f)
            return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
        }
        var publicBaseline: String?
        let attack = mean { $0.similarity?.centredCosineToClassMean }
        let baseline = mean { $0.nonMemberMeanBaseline?.centredCosineToClassMean }
        let judgedClasses = r.classes.compactMap(beyondPublic)
        let beyond = judgedClasses.filter { $0 }.count
        if let attack, let baseline, baseline >= attack {
            publicBaseline = String(
                format: "the non-member class mean (public data) reaches centred cosine %.3f to the members' class "
                    + "mean, the reconstructions %.3f",
                baseline, attack)
        } else if let attack, let baseline, !judgedClasses.isEmpty,
            signTestPValue(successes: beyond, trials: judgedClasses.count) > 0.05
        {
            // Closer on average, but not in clearly more classes than a coin would give: a one-sided sign test
            // over the classes at 5 %. A hair's lead over public data is no evidence of leakage.
            publicBaseline = String(
                format: "the reconstructions beat the non-member class mean (public data) in %d of %d classes, "
                    + "which a one-sided sign test at 5 %% does not tell from chance (centred cosine %.3f against %.3f)",
                beyond, judgedClasses.count, attack, baseline)
        }
        return LeakageEvidence(
            id: .inversionAttackAccuracy, name: "Attack accuracy", value: ci.estimate, lower: ci.lower, upper: ci.upper,
            chance: chance,
            basis:
                "\(hits) of \(judged.count) attacked classes named by a classifier trained on the member data, "
                + "Clopper–Pearson 95 %; \(k) classes"
                + ((attack != nil && baseline != nil && publicBaseline == nil)
                    ? String(
                        format: "; centred cosine %.3f against %.3f for the non-member class mean", attack ?? 0,
                        baseline ?? 0) : ""),
            publicBaseline: publicBaseline)
    }

    static var definitions: [Definition] {
        InversionResult.definitions.map { Definition(term: $0.0, text: $0.1) }
    }

    /// Attribute inference's figures and table: members and non-members against the marginal guess.
    static func add(_ a: AttributeInference.Result, to p: inout ProbeResult) {
        func pct(_ o: AttributeInference.Outcome) -> String {
            String(format: "%.3f [%.3f, %.3f]", o.interval.estimate, o.interval.lower, o.interval.upper)
        }
        let what = a.categorical ? "its \(a.candidates.count) public values" : "its \(a.candidates.count) decile bins"
        p.notes.append(
            "attribute inference on '\(a.name)' (column \(a.feature)): each record asked once per candidate (\(what)), "
                + (a.usedScores
                    ? "the guess maximising p(true label) × the value's share of the public data (Fredrikson et al. 2014)"
                    : "the most common value whose answer is the true label (labels only)")
                + (a.usedGradients
                    ? ", refined white-box by sign ascent along the feature's input gradient" : "")
                + "; \(a.rowsQueried) rows queried")
        p.notes += a.notes
        p.metrics.append(
            Metric(
                id: .inversionAttributeNonMemberAccuracy, name: "Attribute inference accuracy (non-members)",
                value: a.nonMembers.interval.estimate, unit: "fraction", ciLow: a.nonMembers.interval.lower,
                ciHigh: a.nonMembers.interval.upper,
                basis: "\(a.nonMembers.correct) of \(a.nonMembers.total) non-members; the marginal guess "
                    + String(format: "%.3f", a.baselineNonMembers.interval.estimate)))
        p.metrics.append(
            Metric(
                id: .inversionAttributeBaseline, name: "Attribute marginal guess (members)",
                value: a.baselineMembers.interval.estimate, unit: "fraction",
                basis: "the public data's most common value for every member"))
        p.tables.append(
            ResultTable(
                id: .inversionAttributeTable, title: "Attribute inference (\(a.name))",
                columns: [
                    "Records", "Attack accuracy [95 % CI]", "Marginal guess [95 % CI]", "Right guesses",
                    "Records attacked",
                ],
                rows: [
                    [
                        .text("members"), .text(pct(a.members)), .text(pct(a.baselineMembers)),
                        .number(Double(a.members.correct)), .number(Double(a.members.total)),
                    ],
                    [
                        .text("non-members"), .text(pct(a.nonMembers)), .text(pct(a.baselineNonMembers)),
                        .number(Double(a.nonMembers.correct)), .number(Double(a.nonMembers.total)),
                    ],
                ]))
    }

    /// The headline when the plan names a sensitive feature: right guesses on the members, against the marginal
    /// guess (chance); the non-members' figure in the basis tells member leakage from population correlation.
    static func evidence(_ a: AttributeInference.Result) -> LeakageEvidence {
        let m = a.members.interval
        return LeakageEvidence(
            id: .inversionAttributeAccuracy, name: "Attribute inference accuracy", value: m.estimate, lower: m.lower,
            upper: m.upper, chance: a.baselineMembers.interval.estimate,
            basis:
                "'\(a.name)' guessed right for \(a.members.correct) of \(a.members.total) members, Clopper–Pearson 95 %; "
                + "non-members "
                + String(
                    format: "%.3f [%.3f, %.3f]", a.nonMembers.interval.estimate, a.nonMembers.interval.lower,
                    a.nonMembers.interval.upper)
                + "; chance = the public data's most common value")
    }

    /// Whether a class's reconstruction is closer (centred cosine) to the members' class mean than the
    /// non-members' class mean is; nil when either figure is missing.
    static func beyondPublic(_ c: ClassInversion) -> Bool? {
        guard let attack = c.similarity?.centredCosineToClassMean,
            let baseline = c.nonMemberMeanBaseline?.centredCosineToClassMean
        else { return nil }
        return attack > baseline
    }

    /// P(X ≥ successes) for X ~ Binomial(trials, ½): the one-sided sign test's p-value.
    static func signTestPValue(successes: Int, trials: Int) -> Double {
        guard trials > 0, successes > 0 else { return 1 }
        var logChoose = 0.0  // log C(trials, i), built up from i = 0
        var tail = 0.0
        for i in 0...trials {
            if i > 0 { logChoose += log(Double(trials - i + 1)) - log(Double(i)) }
            if i >= successes { tail += exp(logChoose - Double(trials) * log(2)) }
        }
        return min(1, tail)
    }
}
