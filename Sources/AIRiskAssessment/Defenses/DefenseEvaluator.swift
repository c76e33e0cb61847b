import AIRiskAccess
import AIRiskCatalog
import AIRiskProbes
import AIRiskResults
import Foundation

/// The defense what-if: re-runs every selected probe behind each requested defense (same data,
/// same seed), scores it, measures what the defense costs in accuracy, and records the result as
/// measured ``DefenseEvidence`` under the catalog defense it implements.
///
/// "Before" is the same deployment without the defense as a client reaches it — scores, no input
/// gradients (``ScoresOnlyModel``) — re-run under the same profile, so the comparison isolates
/// the defense. Query limits need no re-run for extraction: the fidelity-versus-queries curve of
/// the main run already says what a client limited to N queries can copy.
struct DefenseEvaluator: Sendable {
    var catalog: Catalog
    var progress: @Sendable (String) -> Void

    /// What the evaluator adds to an assessment.
    struct Outcome: Sendable {
        var defenses: [DefenseEvidence]
        var findings: [Finding]
        var definitions: [Definition]
    }

    /// Query limits reported from the extraction curve when none is requested.
    static let defaultQueryLimits = [100, 1_000, 10_000]
    static let severityMetric = "Severity (0 note … 4 critical)"

    /// `architecture` is the deployed model's, as its loader read it: training defenses retrain that shape.
    func evaluate(
        plan: AssessmentPlan, model: any ModelAccess, architecture: MLPArchitecture?, members: LabeledData,
        nonMembers: LabeledData,
        population: LabeledData?, probes: [ProbeResult], findings: [Finding], catalogDefenses: [DefenseEvidence]
    ) async throws -> Outcome {
        let ranIDs = Set(probes.filter { if case .ran = $0.status { true } else { false } }.map(\.id))
        let ran: [ProbeKind] = plan.probes.filter { ranIDs.contains($0.rawValue) }
        let desc = model.description
        let profile = plan.defenseProfile ?? plan.profile
        let scorer = RiskScorer(catalog: catalog)
        var measured: [DefenseEvidence] = []

        let outputSpecs = plan.defenses.filter(\.isOutputDefense)
        var limits = plan.defenses.compactMap { if case .queryLimit(let n) = $0 { n } else { nil } }
        let explicitLimits = !limits.isEmpty
        if limits.isEmpty { limits = Self.defaultQueryLimits }

        var runner: WhatIfProbeRunner?
        var baseline: [ProbeKind: ProbeOutcome] = [:]
        func prepare() async throws -> WhatIfProbeRunner {
            if let runner { return runner }
            var evaluator: (any ModelAccess)?
            if ran.contains(.inversion) {
                evaluator = try await InversionAssessmentProbe.evaluator(
                    for: desc, members: members, seed: plan.seed, purpose: .whatIf)
            }
            let r = WhatIfProbeRunner(
                plan: plan, profile: profile, members: members, nonMembers: nonMembers, population: population,
                inversionEvaluator: evaluator, scorer: scorer)
            runner = r
            return r
        }
        func baselineOutcome(_ kind: ProbeKind) async throws -> ProbeOutcome {
            if let b = baseline[kind] { return b }
            progress("defenses: \(kind.rawValue) without a defense (baseline, \(profile.rawValue) profile)")
            let b = try await prepare().run(kind, model: ScoresOnlyModel(model))
            baseline[kind] = b
            return b
        }

        // Output-side defenses: re-run every probe behind each.
        if !outputSpecs.isEmpty, !ran.isEmpty {
            let before = try await DefenseUtility.measure(ScoresOnlyModel(model), on: nonMembers)
            for spec in outputSpecs {
                if let reason = spec.inapplicability(to: desc.outputKind) {
                    progress("defenses: \(spec) not applied: \(reason)")
                    continue
                }
                let wrapped = spec.wrap(model, seed: plan.seed)
                let after = try await DefenseUtility.measure(wrapped, on: nonMembers)
                var outcomes: [ProbeComparison] = []
                for kind in ran {
                    let b = try await baselineOutcome(kind)
                    progress("defenses: \(kind.rawValue) behind \(spec)")
                    outcomes.append((kind, b, try await prepare().run(kind, model: wrapped)))
                }
                let comparison = compare(outcomes, utility: before, after)
                var measurements = comparison.measurements
                var utilityText = "\(before.metric) \(fmt(before.value)) → \(fmt(after.value))"
                if desc.isClassifier, !after.labels.isEmpty, after.labels.count == before.labels.count {
                    let same = zip(after.labels, before.labels).filter { $0 == $1 }.count
                    let agreement = Double(same) / Double(max(1, after.labels.count))
                    measurements.append(
                        DefenseMeasurement(
                            probeID: "utility", metric: "Top label unchanged", metricID: .utilityTopLabelUnchanged,
                            before: 1, after: agreement))
                    utilityText += "; top label unchanged on \(fmt(agreement * 100)) % of answers"
                }
                let notes =
                    "Measured: \(spec.summary) (`\(spec)`, \(spec.measurableDefenseID)). Every probe re-ran behind "
                    + "the defense with the \(profile.rawValue) profile and seed \(plan.seed); before = the same "
                    + "deployment without it (scores, no input gradients), re-run here — a what-if baseline, which can "
                    + "be a weaker attacker than the assessment's headline (lighter profile, no gradients). "
                    + comparison.lines.joined(separator: " ")
                    + " Utility: "
                    + utilityText + "."
                measured.append(
                    evidence(
                        spec: spec, probes: ran, catalogDefenses: catalogDefenses, measurements: measurements,
                        utilityChange: after.value - before.value, notes: notes))
            }
        }

        // Training-side defenses: measured on a retrain of the same architecture.
        let trainingSpecs = plan.defenses.filter(\.isTrainingDefense)
        if !trainingSpecs.isEmpty {
            measured += try await trainingEvidence(
                trainingSpecs, plan: plan, model: model, architecture: architecture, members: members,
                nonMembers: nonMembers,
                runner: try await prepare(), kinds: ran.filter { $0 != .extraction },
                catalogDefenses: catalogDefenses)
        }

        // Query limits: extraction from the main run's curve; inversion re-run within each limit when asked.
        let curve =
            ran.contains(.extraction)
            ? probes.first(where: { $0.id == ProbeKind.extraction.rawValue }).flatMap(ExtractionCurveView.init) : nil
        let inversionWithinLimits = explicitLimits && ran.contains(.inversion) && desc.outputKind != .labels
        if curve != nil || inversionWithinLimits {
            let severityBefore = findings.first { $0.probeID == ProbeKind.extraction.rawValue }?.severity
            for n in limits.sorted() {
                var measurements: [DefenseMeasurement] = []
                var lines: [String] = []
                if let curve {
                    let atN = curve.fidelity(within: n)
                    measurements.append(
                        DefenseMeasurement(
                            probeID: "extraction", metric: "Fidelity within the query limit",
                            metricID: .extractionFidelityWithinLimit, before: curve.bestFidelity, after: atN ?? 0))
                    let context = ScoringContext(
                        sensitivity: plan.dataSensitivity, exposure: plan.exposure, access: desc.accessLevel.rawValue)
                    var severityAfter = Severity.note
                    if let e = curve.evidence(within: n),
                        let s = try? scorer.score(probe: "extraction", evidence: e, context: context)
                    {
                        severityAfter = s.severity
                    }
                    if let sb = severityBefore {
                        let sa = severityAfter
                        measurements.append(
                            DefenseMeasurement(
                                probeID: "extraction", metric: Self.severityMetric, metricID: .severityRank,
                                before: rank(sb), after: rank(sa)))
                    }
                    lines.append(
                        "Extraction: best fidelity \(fmt(curve.bestFidelity)) within the full budget of "
                            + "\(curve.maxQueries) queries; \(atN.map(fmt) ?? "no copy") within \(n) queries"
                            + (n > curve.maxQueries
                                ? " (the schedule ends at \(curve.maxQueries), so this is an upper bound)" : "")
                            + (severityBefore.map { sb in
                                "; severity \(sb.rawValue) → \(severityAfter.rawValue)"
                            } ?? "")
                            + ".")
                }
                if inversionWithinLimits {
                    let b = try await baselineOutcome(.inversion)
                    progress("defenses: inversion within \(n) queries")
                    let a = try await prepare().run(.inversion, model: ScoresOnlyModel(model), queryBudget: n)
                    measurements += compare(.inversion, b, a)
                    lines.append(summaryLine(.inversion, b, a))
                }
                let spec = DefenseSpec.queryLimit(n)
                measured.append(
                    evidence(
                        spec: spec, probes: ran, catalogDefenses: catalogDefenses, measurements: measurements,
                        utilityChange: nil,
                        notes: "Measured: \(spec.summary) (`\(spec)`, \(spec.measurableDefenseID)). "
                            + lines.joined(separator: " ")
                            + " Legitimate answers are unchanged; the cost is clients who need more queries."))
            }
        }

        return Outcome(
            defenses: Self.merge(measured: measured, into: catalogDefenses),
            findings: findings.map { annotate($0, with: measured) },
            definitions: measured.isEmpty ? [] : Self.definitions)
    }

    /// A probe's outcome without and with a defense.
    typealias ProbeComparison = (kind: ProbeKind, before: ProbeOutcome, after: ProbeOutcome)

    /// What a defense changed: the measurements (``compare(_:_:_:)``, then the utility from `before` to `after`)
    /// and one summary line per probe.
    func compare(
        _ outcomes: [ProbeComparison], utility before: DefenseUtility, _ after: DefenseUtility
    ) -> (measurements: [DefenseMeasurement], lines: [String]) {
        var measurements = outcomes.flatMap { compare($0.kind, $0.before, $0.after) }
        measurements.append(
            DefenseMeasurement(
                probeID: "utility", metric: before.metric, metricID: .utility, before: before.value,
                after: after.value))
        return (measurements, outcomes.map { summaryLine($0.kind, $0.before, $0.after) })
    }

    /// Headline figures and severity before and after, for the probes that ran on both sides.
    func compare(_ kind: ProbeKind, _ b: ProbeOutcome, _ a: ProbeOutcome) -> [DefenseMeasurement] {
        guard b.ran, !a.failed else { return [] }
        var out: [DefenseMeasurement] = []
        for h in b.headlines {
            // A probe the defense stopped outright reached nothing: its success figures are zero.
            let after = a.ran ? a.headlines.first { $0.id == h.id }?.value : h.whenStopped
            if let after {
                out.append(
                    DefenseMeasurement(
                        probeID: kind.rawValue, metric: h.name, metricID: h.id, before: h.value, after: after))
            }
        }
        if let sb = b.severity, let sa = a.severity {
            out.append(
                DefenseMeasurement(
                    probeID: kind.rawValue, metric: Self.severityMetric, metricID: .severityRank, before: rank(sb),
                    after: rank(sa)))
        }
        return out
    }

    func summaryLine(_ kind: ProbeKind, _ b: ProbeOutcome, _ a: ProbeOutcome) -> String {
        let name = kind.rawValue.capitalized
        guard b.ran else { return "\(name): not run without the defense (\(b.reason ?? "unknown"))." }
        if a.failed { return "\(name): \(a.reason ?? "failed") behind the defense; nothing measured." }
        guard a.ran else {
            return "\(name): the probe could not run behind the defense (\(a.reason ?? "unknown")); severity "
                + "\(b.severity?.rawValue ?? "–") without it."
        }
        let figures = b.headlines.compactMap { h in
            a.headlines.first { $0.id == h.id }.map {
                "\(h.name.lowercased()) \(fmt(h.value)) → \(fmt($0.value))"
            }
        }
        return "\(name): " + figures.joined(separator: ", ")
            + "; severity \(b.severity?.rawValue ?? "–") → \(a.severity?.rawValue ?? "–")."
    }

    func evidence(
        spec: DefenseSpec, probes: [ProbeKind], catalogDefenses: [DefenseEvidence],
        measurements: [DefenseMeasurement], utilityChange: Double?, notes: String
    ) -> DefenseEvidence {
        let mdef = catalog.measurableDefense(spec.measurableDefenseID)
        let defenseID = mdef?.implements.first?.ref ?? spec.measurableDefenseID
        let def = catalog.defense(defenseID)
        let existing = catalogDefenses.first { $0.id == defenseID }
        let cellProbe = probes.lazy.compactMap { catalog.probe($0.rawValue) }.first { p in
            mdef?.reducesProbes.contains(where: { r in r.ref == p.id }) ?? true
        }
        let name = (def?.name.en ?? defenseID) + " — measured: " + spec.summary + " (\(spec))"
        let variantJA: String = mdef?.name.ja ?? spec.summary
        let nameJA: String? = def.map { d in "\(d.name.ja) — 測定: \(variantJA) (\(spec))" }
        return DefenseEvidence(
            id: defenseID, name: name, nameJA: nameJA, stageID: existing?.stageID ?? cellProbe?.stage ?? "",
            classID: existing?.classID ?? cellProbe?.attackClass ?? "", evidence: .measured, measurements: measurements,
            utilityChange: utilityChange, source: existing?.source, notes: notes, setting: "\(spec)")
    }

    /// Measured entries take the place of the catalog-only entry of the defense they implement;
    /// catalog defenses nothing measured stay as they were (unmeasured).
    static func merge(measured: [DefenseEvidence], into catalog: [DefenseEvidence]) -> [DefenseEvidence] {
        var out: [DefenseEvidence] = []
        var placed = Set<String>()
        for c in catalog {
            let mine = measured.filter { $0.id == c.id }
            if mine.isEmpty {
                out.append(c)
            } else if !placed.contains(c.id) {
                out += mine
                placed.insert(c.id)
            }
        }
        out += measured.filter { !placed.contains($0.id) }
        return out
    }

    /// Marks a finding's recommended defenses as measured when a defense implementing them was,
    /// carrying the measurement of the variant that lowered this probe's headline figure most.
    func annotate(_ finding: Finding, with measured: [DefenseEvidence]) -> Finding {
        var f = finding
        f.recommendedDefenses = finding.recommendedDefenses.map { rec in
            let candidates = measured.filter { $0.id == rec.id }.compactMap {
                e -> (DefenseEvidence, DefenseMeasurement)? in
                guard
                    let m = e.measurements.first(where: {
                        $0.probeID == finding.probeID && $0.metricID != .severityRank
                    })
                else { return nil }
                return (e, m)
            }
            guard let best = candidates.max(by: { ($0.1.before - $0.1.after) < ($1.1.before - $1.1.after) }) else {
                return rec
            }
            let setting = best.0.setting.map { " (\($0))" } ?? ""
            return RecommendedDefense(
                id: rec.id, name: rec.name + " — measured" + setting, evidence: .measured, measurement: best.1)
        }
        return f
    }

    func rank(_ s: Severity) -> Double { Double(Severity.allCases.firstIndex(of: s) ?? 0) }

    func fmt(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(format: "%.3f", v)
    }

    static let definitions: [Definition] = [
        Definition(
            term: "defense what-if",
            text: "Each requested defense wraps the model's answers (round, top-k, label-only, noise, temperature, "
                + "reverse-sigmoid) and every selected probe re-runs behind it with the same data and seed; before = "
                + "the same deployment without the defense (scores, no input gradients), under the same profile. "
                + "Severity is re-scored from the re-run's metrics (0 note, 1 low, 2 medium, 3 high, 4 critical). "
                + "Utility is the accuracy (R² for regressors) on the non-member data behind the defense, and for "
                + "classifiers the share of answers whose top label is unchanged. A query limit of N reports what "
                + "the main run's fidelity-versus-queries curve reached within N queries. A probe the defense stops "
                + "outright (e.g. inversion behind label-only answers) counts as reaching nothing.")
    ]
}
