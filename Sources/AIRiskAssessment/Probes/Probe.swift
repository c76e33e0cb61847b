import AIRiskAccess
import AIRiskProbes
import AIRiskResults

/// One attack the assessment runs: how it is configured from the plan, whether it applies to a model, and
/// its run, reduced to a typed ``ProbeRun``. ``Assessor``, ``WhatIfProbeRunner`` and the budgets iterate
/// probes through this protocol instead of switching on ``ProbeKind``.
protocol Probe: Sendable {
    /// The typed result of one run.
    associatedtype Run: ProbeRun

    var kind: ProbeKind { get }

    /// Why the probe cannot attack a model described by `description` under `plan` (nil when it can).
    func inapplicability(to description: ModelDescription, plan: AssessmentPlan, purpose: ProbePurpose) -> String?

    /// Runs the probe against `context.model`.
    func run(_ context: ProbeContext, purpose: ProbePurpose) async throws -> Run

    /// The budgets `profile` gives the probe, recorded in the results.
    func budgets(_ plan: AssessmentPlan) -> [Budget]
}

/// Why a probe runs: the assessment itself, or a what-if re-run behind a defense (lighter, judged by its
/// ``ProbeRun/defenseHeadlines``).
enum ProbePurpose: Sendable, Equatable {
    case assessment
    case whatIf
}

/// Everything one probe run receives: the model, the data, the plan and the budget it runs under.
struct ProbeContext: Sendable {
    var model: any ModelAccess
    var members: LabeledData
    var nonMembers: LabeledData
    var population: LabeledData?
    var plan: AssessmentPlan
    var profile: Profile
    /// The per-probe query budget (the plan's, or a query limit under test).
    var queryBudget: Int?
    /// The policy's target FPR for membership TPR figures.
    var targetFPR: Double
    /// Feature names of the tabular data, for inversion's reconstructed vectors.
    var featureNames: [String] = []
    /// The target's layers when it is a plain MLP or logistic model.
    var architecture: MLPArchitecture?
    /// Reference models the user trained (`--reference-models`), for membership's LiRA and RMIA.
    var references: ReferenceModelSet?
    /// The classifier that judges inversion attack accuracy; trained from the members when nil.
    var inversionEvaluator: (any ModelAccess)?
    /// Receives the run's fraction of work done.
    var progress: @Sendable (Double) -> Void = { _ in }
}

/// The typed result of one probe run: its canonical form, the headline the policy scores, the metrics the
/// policy reads and the figures a defense is judged by, each under a stable ``MetricID``.
protocol ProbeRun: Sendable {
    var kind: ProbeKind { get }

    /// The result in the canonical results form.
    func probeResult() -> ProbeResult

    /// The headline evidence the policy scores; nil when nothing was measured.
    var headline: LeakageEvidence? { get }

    /// The metrics the policy reads: the headline and, for membership, the TPR at the policy's FPR (which
    /// carries ``Metric/targetFPR``).
    var policyMetrics: [Metric] { get }

    /// The figures a defense is judged by, compared before and after by their IDs.
    var defenseHeadlines: [ProbeHeadline] { get }

    /// The evidence a what-if re-run is scored by (the headline unless the probe says otherwise).
    var whatIfEvidence: LeakageEvidence? { get }

    /// Why the probe could not attack this model (the result is then skipped); nil when it ran.
    var notApplicableReason: String? { get }

    /// Why a run that did not throw still measured nothing (the result is then failed); nil otherwise.
    var failureReason: String? { get }

    /// Sanity warnings for the results document.
    var warnings: [String] { get }

    /// The terms the probe's metrics use.
    var definitions: [Definition] { get }
}

extension ProbeRun {
    var notApplicableReason: String? { nil }
    var failureReason: String? { nil }
    var warnings: [String] { [] }
    var whatIfEvidence: LeakageEvidence? { headline }
    var policyMetrics: [Metric] { headline.map { [$0.metric] } ?? [] }
}

/// A figure a defense is judged by, e.g. the membership probe's best AUC.
struct ProbeHeadline: Sendable, Equatable {
    var id: MetricID
    var name: String
    var value: Double
    /// What the figure reads when a defense stops the probe outright (0.5 for an AUC, 0 for a success rate).
    var whenStopped: Double = 0
}
