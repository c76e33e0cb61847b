import AIRiskProbes
import AIRiskResults
import Foundation

/// The extraction probe's result in the canonical results form: equation solving, the
/// fidelity-versus-queries curves and the queries needed for 90 / 95 / 99 % fidelity.
extension ExtractionRun {
    static func probeResult(_ r: ExtractionResult) -> ProbeResult {
        var p = ProbeResult(
            id: "extraction", title: "Model extraction", accessAssumed: r.access.rawValue,
            queries: QueryUsage(calls: r.evaluationQueries, rows: r.queriesUsed, budget: r.queryBudget),
            wallTimeSeconds: r.wallTimeSeconds, seed: r.seed, notes: r.notes)
        p.notes.append("fidelity and accuracy measured on \(r.evaluationRows) held-out rows; \(r.statisticsSource)")
        if let eq = r.equationSolving {
            if eq.isOfForm {
                p.metrics.append(
                    Metric(
                        id: .extractionEquationQueries, name: "Equation solving: queries to recover the parameters",
                        value: Double(eq.recoveryQueries),
                        unit: "queries", basis: "\(eq.verdict); verified on \(eq.verificationQueries) further queries"))
                if let f = eq.fidelity {
                    p.metrics.append(
                        Metric(
                            id: .extractionEquationFidelity, name: "Equation solving: fidelity", value: f,
                            unit: "fraction"))
                }
                if let e = eq.parameterRelativeError {
                    p.metrics.append(
                        Metric(
                            id: .extractionEquationParameterError,
                            name: "Equation solving: max parameter relative error",
                            value: e, unit: "relative"))
                }
            } else {
                p.notes.append("equation solving: \(eq.verdict)")
            }
        }
        let headline = evidence(r)
        p.metrics.append(headline.metric)
        p.metrics.append(
            Metric(
                id: .extractionHeldOutRows, name: "Held-out rows", value: Double(r.evaluationRows), unit: "rows",
                basis: "fidelity sample"))
        if let majority = r.majorityAgreement {
            p.metrics.append(
                Metric(
                    id: .extractionMajorityFidelity, name: "Majority-label baseline fidelity", value: majority,
                    unit: "fraction",
                    basis: "a copy that always answers the target's most common label on the held-out rows"))
        }
        if let best = r.bestCurve {
            p.metrics.append(
                Metric(
                    id: .extractionBestFidelity, name: "Best fidelity", value: best.bestFidelity, unit: "fraction",
                    basis: "\(best.source) queries, \(best.surrogate) surrogate, \(best.loss) loss"))
        }
        if let f1000 = fidelity(r, atQueries: 1000) {
            p.metrics.append(
                Metric(
                    id: .extractionFidelityAt1000, name: "Fidelity after 1,000 queries", value: f1000,
                    unit: "fraction"))
        }
        for t in r.thresholds {
            if let q = queriesToReach(r, t) {
                p.metrics.append(
                    Metric(
                        id: .extractionQueriesTo(fidelity: t), name: "Queries to \(Int(t * 100)) % fidelity",
                        value: Double(q), unit: "queries"))
            } else {
                p.notes.append("\(Int(t * 100)) % fidelity not reached within the budget of \(r.queryBudget) queries")
            }
        }
        let budgets = Array(Set(r.curves.flatMap { $0.points.map(\.budget) })).sorted()
        if !budgets.isEmpty {
            p.tables.append(
                ResultTable(
                    id: .extractionFidelityTable, title: "Fidelity versus queries",
                    columns: ["Source", "Surrogate", "Loss"] + budgets.map { "\($0)" },
                    rows: r.curves.map { c in
                        [.text(c.source.description), .text(c.surrogate.description), .text(c.loss.description)]
                            + budgets.map { b in
                                c.points.first { $0.budget == b }.map { TableCell.number($0.fidelity) } ?? .text("–")
                            }
                    }
                        + (r.majorityAgreement.map { majority in
                            // The chance level every budget's fidelity is judged against.
                            [
                                [.text("majority-label copy"), .text("–"), .text("(chance)")]
                                    + budgets.map { _ in TableCell.number(majority) }
                            ]
                        } ?? [])))
            p.tables.append(
                ResultTable(
                    id: .extractionQueriesTable, title: "Queries to reach fidelity",
                    columns: ["Source", "Surrogate", "Loss"] + r.thresholds.map { "\(Int($0 * 100)) %" },
                    rows: r.curves.map { c in
                        [.text(c.source.description), .text(c.surrogate.description), .text(c.loss.description)]
                            + r.thresholds.map { t in
                                c.queriesToReach(t).map { .number(Double($0)) } ?? .text("not reached")
                            }
                    }))
            let regression = r.curves.flatMap(\.points).contains { $0.regression != nil }
            if regression {
                p.tables.append(
                    ResultTable(
                        title: "Regression copies",
                        columns: [
                            "Source", "Loss", "Budget", "Surrogate R²", "Target R²", "Surrogate MAE", "Target MAE",
                            "R² to target",
                        ],
                        rows: r.curves.flatMap { c in
                            c.points.compactMap { pt in
                                pt.regression.map { g in
                                    [
                                        .text(c.source.description), .text(c.loss.description),
                                        .number(Double(pt.budget)),
                                        g.surrogateR2.map { .number($0) } ?? .text("–"),
                                        g.targetR2.map { .number($0) } ?? .text("–"),
                                        g.surrogateMAE.map { .number($0) } ?? .text("–"),
                                        g.targetMAE.map { .number($0) } ?? .text("–"),
                                        .number(g.fidelityR2),
                                    ]
                                }
                            }
                        }))
            }
            p.curves.append(
                Curve(
                    id: .extractionFidelityCurve, title: "Fidelity versus queries", xLabel: "queries",
                    yLabel: "fidelity", logX: true,
                    series: r.curves.map { c in
                        CurveSeries(
                            name: "\(c.source) · \(c.surrogate) · \(c.loss)",
                            points: c.points.map { CurvePoint(x: Double($0.queries), y: $0.fidelity) })
                    }))
        }
        if let s = r.sequence {
            p.curves.append(
                Curve.perStep(
                    s.perStepAccuracy, title: "Per-step accuracy (sequence outputs)", yLabel: "accuracy",
                    seriesName: "accuracy against labels"))
            p.notes.append(
                "distilled from step \(s.chosenStep), the step whose outputs leak most (\(s.probeDataSource))")
        }
        return p
    }

    /// The best fidelity any curve reached with at most `q` queries.
    static func fidelity(_ r: ExtractionResult, atQueries q: Int) -> Double? {
        var best: Double?
        if let eq = r.equationSolving, eq.isOfForm, eq.recoveryQueries <= q, let f = eq.fidelity { best = f }
        for c in r.curves {
            for p in c.points where p.queries <= q { best = max(best ?? 0, p.fidelity) }
        }
        return best
    }

    /// The fewest queries with which any method (equation solving included) reached `t` fidelity.
    static func queriesToReach(_ r: ExtractionResult, _ t: Double) -> Int? {
        var q = r.queriesToReach(t)
        if let eq = r.equationSolving, eq.isOfForm, let f = eq.fidelity, f >= t {
            q = min(q ?? Int.max, eq.recoveryQueries)
        }
        return q
    }

    /// Whether any copy was made (a learning-curve point or a verified equation-solving copy).
    static func copiedAnything(_ r: ExtractionResult) -> Bool {
        if let eq = r.equationSolving, eq.isOfForm, eq.fidelity != nil { return true }
        return r.curves.contains { !$0.points.isEmpty }
    }

    /// The headline: the best copy's fidelity on the held-out rows (any budget, equation solving
    /// included) with its Clopper–Pearson interval, against the majority-label baseline. Regressors:
    /// R² of the copy against the target, against 0 (a copy answering the mean), without an interval.
    static func evidence(_ r: ExtractionResult, withinQueries limit: Int? = nil) -> LeakageEvidence {
        var best: (fidelity: Double, queries: Int, method: String)?
        if let eq = r.equationSolving, eq.isOfForm, let f = eq.fidelity, eq.recoveryQueries <= (limit ?? .max) {
            best = (f, eq.recoveryQueries, "equation solving")
        }
        for c in r.curves {
            for pt in c.points where pt.queries <= (limit ?? .max) && pt.fidelity > (best?.fidelity ?? -.infinity) {
                best = (pt.fidelity, pt.queries, "\(c.source) · \(c.surrogate) · \(c.loss)")
            }
        }
        let name = "Copy fidelity"
        guard let best else {
            return LeakageEvidence(
                id: .extractionFidelity, name: name, value: 0, lower: 0, upper: 1, chance: r.majorityAgreement ?? 0,
                basis: "no copy was trained within the budget")
        }
        return evidence(
            fidelity: best.fidelity, queries: best.queries, method: best.method, rows: r.evaluationRows,
            majority: r.majorityAgreement)
    }

    /// The headline for a copy with `fidelity` on `rows` held-out rows against the majority-label
    /// baseline (regressors, `majority` nil: R² against 0, without an interval).
    static func evidence(
        fidelity: Double, queries: Int, method: String, rows: Int, majority: Double?
    ) -> LeakageEvidence {
        let name = "Copy fidelity"
        let where_ = "\(method), \(queries) queries, \(rows) held-out rows"
        guard let majority else {
            let v = min(max(fidelity, 0), 1)
            return LeakageEvidence(
                id: .extractionFidelity, name: name, value: fidelity, lower: v, upper: v, chance: 0,
                basis: "\(where_); R² of the copy against the target (no interval); chance = a copy answering the mean")
        }
        let ci = ClopperPearson.interval(successes: Int((fidelity * Double(rows)).rounded()), trials: rows)
        return LeakageEvidence(
            id: .extractionFidelity, name: name, value: fidelity, lower: ci.lower, upper: ci.upper, chance: majority,
            basis: "\(where_), Clopper–Pearson 95 %; chance = the majority-label copy")
    }

    static let definitions: [Definition] = [
        Definition(
            term: "fidelity",
            text:
                "Share of held-out rows on which the copy predicts the same label as the target (for regression: R² of the copy's predictions against the target's)."
        ),
        Definition(
            term: "surrogate accuracy", text: "Share of held-out rows on which the copy predicts the true label."),
        Definition(
            term: "queries to x % fidelity",
            text:
                "The smallest query budget in the schedule at which some query source and loss reached x % fidelity (equation solving counts its d + 1 queries)."
        ),
        Definition(
            term: "equation solving",
            text:
                "Tramèr et al. 2016: for scores that are a logistic or softmax function of an affine map, d + 1 answers determine the parameters via log-ratio equations against a reference class."
        ),
    ]
}
