import AIRiskAccess
import AIRiskCatalog
import AIRiskData
import AIRiskProbes
import AIRiskResults
import AIRiskTensor
import Foundation

/// Runs an assessment plan: loads the model and data, runs the probes, scores each result
/// against the catalog's policy and assembles the canonical results document.
package struct Assessor: Sendable {
    package let catalog: Catalog
    /// Receives one line per stage ("membership: running"), for progress display.
    package var progress: @Sendable (String) -> Void
    /// The timestamp written into the results; injectable for reproducible documents.
    package var clock: @Sendable () -> Date

    /// Receives each running probe's fraction of work done, for progress bars.
    package var probeProgress: @Sendable (ProbeKind, Double) -> Void

    package init(
        catalog: Catalog, progress: @escaping @Sendable (String) -> Void = { _ in },
        probeProgress: @escaping @Sendable (ProbeKind, Double) -> Void = { _, _ in },
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.catalog = catalog
        self.progress = progress
        self.probeProgress = probeProgress
        self.clock = clock
    }

    /// The loaded inputs of an assessment.
    struct Inputs {
        var access: any ModelAccess
        var members: LabeledData
        var nonMembers: LabeledData
        var population: LabeledData?
        var featureNames: [String]
        var records: [DataSetRecord]
        /// The target's layers when it is a plain MLP or logistic model.
        var architecture: MLPArchitecture?
        var identity: ModelIdentity
        /// Endpoint or command: rows and requests used against its limit, read after the probes.
        var remoteUsage: (@Sendable () -> [Budget])? = nil
        /// Feature rows the model file holds verbatim.
        var storedRows: [StoredRowTable] = []
        /// The user's reference models for membership inference, checked against the model and data.
        var references: ReferenceModelSet? = nil
    }

    /// Assesses `model` (resolved by a loader, see ``ResolvedModel``) with the data sets of `plan`.
    package func run(_ plan: AssessmentPlan, model: ResolvedModel) async throws -> AssessmentResults {
        var inputs = try load(plan, model: model)
        let rawAccess = inputs.access
        var warnings = Self.dataWarnings(inputs) + Self.storedRowWarnings(inputs)
        let audit = AnswerAudit()
        let treatAsScores = try await answersAreNotProbabilities(inputs)
        if treatAsScores {
            warnings.append(
                "the model declares probabilities, but its answers leave [0, 1] or do not sum to 1: they are treated "
                    + "as unnormalised scores (logits) by every probe")
        }
        inputs.access = AuditedModel(base: rawAccess, audit: audit, treatAsScores: treatAsScores)
        let desc = inputs.access.description
        var probes: [ProbeResult] = []
        var findings: [Finding] = []
        var definitions: [Definition] = []
        let budget = plan.queryBudget
        let scorer = RiskScorer(catalog: catalog)

        for kind in plan.probes {
            progress("\(kind.rawValue): running")
            let started = Date()
            var result: ProbeResult
            var evidence: LeakageEvidence?
            var targetFPR: Double?
            do {
                // After the first Ctrl-C the remaining probes are marked interrupted, not started.
                try Cancellation.check()
                let probe = kind.probe
                if let reason = probe.inapplicability(to: desc, plan: plan, purpose: .assessment) {
                    result = skipped(kind, reason)
                } else {
                    let report = probeProgress
                    let context = ProbeContext(
                        model: inputs.access, members: inputs.members, nonMembers: inputs.nonMembers,
                        population: inputs.population, plan: plan, profile: plan.profile, queryBudget: budget,
                        targetFPR: scorer.membershipTargetFPR, featureNames: inputs.featureNames,
                        architecture: inputs.architecture, references: inputs.references,
                        progress: { report(kind, $0) })
                    let run = try await probe.run(context, purpose: .assessment)
                    result = run.probeResult()
                    evidence = run.headline
                    targetFPR = run.policyMetrics.lazy.compactMap(\.targetFPR).first
                    warnings += run.warnings
                    definitions += run.definitions
                }
            } catch {
                result = ProbeResult(
                    id: kind.rawValue, title: kind.rawValue.capitalized, accessAssumed: desc.accessLevel.rawValue,
                    wallTimeSeconds: Date().timeIntervalSince(started), seed: plan.seed,
                    status: .failed(error: "\(error)"))
            }
            progress(
                "\(kind.rawValue): \(result.status.state) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
            )
            if case .ran = result.status, let evidence {
                findings.append(
                    try finding(
                        for: kind, evidence: evidence, targetFPR: targetFPR, plan: plan,
                        access: desc.accessLevel.rawValue))
            }
            probes.append(result)
        }

        if let claimed = plan.claimedEpsilon {
            let check = EpsilonClaim(claimed: claimed).check(probes)
            warnings += check.warnings
            if let note = check.note, let i = probes.firstIndex(where: { $0.id == ProbeKind.membership.rawValue }) {
                probes[i].notes.append(note)
            }
        }
        let matrix = MatrixSnapshotBuilder.snapshot(catalog: catalog, probes: probes)
        let status = Self.status(of: probes)
        warnings += Self.answerWarnings(audit.snapshot)
        // Defense what-if: measured evidence for the requested defenses and the query limits.
        let catalogDefenses = MatrixSnapshotBuilder.catalogDefenses(catalog: catalog, probes: probes)
        var whatIf = DefenseEvaluator.Outcome(defenses: catalogDefenses, findings: findings, definitions: [])
        do {
            try Cancellation.check()
            whatIf = try await DefenseEvaluator(catalog: catalog, progress: progress).evaluate(
                plan: plan, model: treatAsScores ? inputs.access : rawAccess,
                architecture: inputs.architecture, members: inputs.members,
                nonMembers: inputs.nonMembers,
                population: inputs.population, probes: probes, findings: findings, catalogDefenses: catalogDefenses)
        } catch {
            progress("defenses: not measured (\(error)); the defense table lists catalog recommendations only")
        }
        findings = whatIf.findings
        var results = AssessmentResults(
            tool: ToolInfo(name: "airisk", version: AssessmentEnvironment.toolVersion), generatedAt: clock(),
            seed: plan.seed, profile: plan.profile.rawValue, budgets: budgets(plan) + (inputs.remoteUsage?() ?? []),
            dataSensitivity: plan.dataSensitivity, status: status,
            warnings: warnings,
            model: inputs.identity, dataSets: inputs.records, environment: AssessmentEnvironment.current,
            probes: probes, findings: findings, matrix: matrix,
            defenses: whatIf.defenses, definitions: definitions + scoringDefinitions + whatIf.definitions)
        results.compliance = compliance
        return results
    }

    /// The compliance entries of every probe (whether it ran or not, so a report can say "not tested"): the
    /// NIST AI 100-2 E2025 entry, the ATLAS technique with the catalog's ATLAS version, the requirements and
    /// controls of the catalog, and the OWASP ML Top 10 2023 as a legacy mapping.
    var compliance: [ComplianceReference] {
        catalog.mappings.probes.flatMap { p -> [ComplianceReference] in
            var refs = [
                ComplianceReference(
                    probeID: p.id, framework: "NIST AI 100-2 \(p.nist.edition)", ref: p.nist.id, kind: .reference,
                    status: p.nist.status.rawValue, text: p.nist.title,
                    url: "https://doi.org/10.6028/NIST.AI.100-2e2025")
            ]
            refs += p.atlas.map { a in
                ComplianceReference(
                    probeID: p.id, framework: "MITRE ATLAS \(catalog.mappings.atlasVersion)", ref: a.ref,
                    kind: .reference, status: VerificationStatus.verified.rawValue,
                    text: catalog.atlasTechnique(a.ref)?.name ?? a.ref,
                    url: "https://atlas.mitre.org/techniques/\(a.ref)")
            }
            refs += p.requirements.map { q in
                ComplianceReference(
                    probeID: p.id, framework: q.framework, ref: q.ref,
                    kind: q.kind == .requirement ? .requirement : .reference, status: q.status.rawValue, text: q.text,
                    url: q.url)
            }
            refs += p.owasp.map { o in
                ComplianceReference(
                    probeID: p.id, framework: "OWASP ML Top 10 2023 (legacy)", ref: o.ref, kind: .reference,
                    status: VerificationStatus.verified.rawValue, text: catalog.owaspRisk(o.ref)?.title ?? o.ref)
            }
            return refs
        }
    }

    func skipped(_ kind: ProbeKind, _ reason: String) -> ProbeResult {
        ProbeResult(
            id: kind.rawValue, title: kind.rawValue.capitalized, accessAssumed: "", seed: 0,
            status: .skipped(reason: reason))
    }

    func finding(
        for kind: ProbeKind, evidence: LeakageEvidence, targetFPR: Double? = nil, plan: AssessmentPlan,
        access: String
    ) throws -> Finding {
        guard let probe = catalog.probe(kind.rawValue) else {
            throw AssessmentError.policyGap(missing: "a catalog mapping for probe '\(kind.rawValue)'", known: [])
        }
        let score = try RiskScorer(catalog: catalog).score(
            probe: kind.rawValue, evidence: evidence,
            context: ScoringContext(sensitivity: plan.dataSensitivity, exposure: plan.exposure, access: access))
        let owaspID = probe.owasp.first?.ref ?? ""
        let atlasID = probe.atlas.first?.ref ?? ""
        let defenses = catalog.defenses(forProbe: probe).map {
            RecommendedDefense(id: $0.id, name: $0.name.en, evidence: .catalog)
        }
        return Finding(
            id: "finding.\(kind.rawValue)", probeID: kind.rawValue,
            title: "\(probe.name.en): "
                + (evidence.isMeasurable
                    ? "\(score.severity.rawValue.capitalized) risk"
                    : evidence.publicBaseline == nil ? "no measurable leakage" : "no leakage beyond public data"),
            severity: score.severity, likelihood: score.likelihood, impact: score.impact, rationale: score.rationale,
            stageID: probe.stage, classID: probe.attackClass,
            owasp: Reference(id: owaspID, name: catalog.owaspRisk(owaspID)?.title ?? owaspID),
            atlas: Reference(id: atlasID, name: catalog.atlasTechnique(atlasID)?.name ?? atlasID),
            nistSection: probe.nist.citation,
            recommendedDefenses: defenses, headline: evidence.metric, context: score.context, targetFPR: targetFPR)
    }

    func budgets(_ plan: AssessmentPlan) -> [Budget] {
        var b = ProbeKind.allCases.flatMap { $0.probe.budgets(plan) }
        if let q = plan.queryBudget { b.append(Budget(name: "query_budget", value: Double(q))) }
        return b
    }

    var scoringDefinitions: [Definition] {
        [
            Definition(
                term: "severity",
                text:
                    "OWASP Risk Rating Methodology: likelihood and impact on 0–9, LOW (<3), MEDIUM (<6), HIGH; severity from the Note…Critical matrix. Likelihood comes from the lower 95 % bound of the probe's headline figure above chance, through the policy's bands; when the interval does not exclude chance the severity is Note. Impact is the declared data sensitivity adjusted by the deployment's exposure and access, printed next to the verdict.",
                reference: catalog.policy.source)
        ]
    }
}
