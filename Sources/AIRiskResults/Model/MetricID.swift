/// The stable identity of a metric, curve or table: what code reads a figure by, never its display name.
/// Serialized as the `id` attribute of `<metric>`, `<curve>` and `<table>` and the `metricID` attribute of
/// `<measurement>`; documents written before identities existed carry none.
///
/// The raw value is `probe.figure` in lower snake case (e.g. `membership.auc`,
/// `membership.tpr_at_1pct_fpr`), the convention the policy's `<metric id>` uses.
public struct MetricID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The probe a metric belongs to: the raw value up to the first dot.
    public var probeID: String { String(rawValue.prefix { $0 != "." }) }

    /// "1" for 0.01, "0_1" for 0.001 (a dot would read as a separator).
    static func percent(_ rate: Double) -> String {
        let v = rate * 100
        if v == v.rounded() { return String(Int(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s.replacingOccurrences(of: ".", with: "_")
    }
}

// MARK: Membership inference

extension MetricID {
    /// The headline attack's AUC (the membership headline).
    public static let membershipAUC = MetricID("membership.auc")
    /// The headline attack's TPR at `fpr` (the metric carries the rate as ``Metric/targetFPR``).
    public static func membershipTPR(atFPR fpr: Double) -> MetricID {
        MetricID("membership.tpr_at_\(percent(fpr))pct_fpr")
    }
    /// LiRA's own TPR at `fpr` (`online` or `offline`), reported beside the headline attack's in the what-if.
    public static func liraTPR(_ variant: String, atFPR fpr: Double) -> MetricID {
        MetricID("membership.lira_\(variant).tpr_at_\(percent(fpr))pct_fpr")
    }
    /// RMIA's own TPR at `fpr` (`online` or `offline`), reported beside the headline attack's in the what-if.
    public static func rmiaTPR(_ variant: String, atFPR fpr: Double) -> MetricID {
        MetricID("membership.rmia_\(variant).tpr_at_\(percent(fpr))pct_fpr")
    }
    public static let membershipAdvantage = MetricID("membership.advantage")
    public static let membershipEpsilon = MetricID("membership.epsilon_lower_bound")
    public static let membershipTrainAccuracy = MetricID("membership.train_accuracy")
    public static let membershipTestAccuracy = MetricID("membership.test_accuracy")
    public static let membershipGeneralisationGap = MetricID("membership.generalisation_gap")
    /// A regressor's mean squared error on the members and on the non-members.
    public static let membershipTrainMSE = MetricID("membership.train_mse")
    public static let membershipTestMSE = MetricID("membership.test_mse")
    public static let membershipROC = MetricID("membership.roc")
}

// MARK: Model inversion

extension MetricID {
    /// Attack accuracy judged by the evaluation classifier, with its interval (the inversion headline).
    public static let inversionAttackAccuracy = MetricID("inversion.attack_accuracy")
    /// The evaluation model's accuracy on the reconstructions (no interval).
    public static let inversionEvaluatorAccuracy = MetricID("inversion.evaluator_accuracy")
    public static let inversionClassesReached = MetricID("inversion.classes_reached")
    public static let inversionMeanConfidence = MetricID("inversion.mean_target_confidence")
    public static let inversionCentredCosine = MetricID("inversion.centred_cosine")
    /// The share of attacked classes whose reconstruction beats the non-members' class mean.
    public static let inversionClassesBeyondPublic = MetricID("inversion.classes_beyond_public")
    /// Attribute inference: right guesses of the sensitive feature on the members (the headline when the plan
    /// names a sensitive feature), on the non-members, and the marginal guess on the members.
    public static let inversionAttributeAccuracy = MetricID("inversion.attribute_accuracy")
    public static let inversionAttributeNonMemberAccuracy = MetricID("inversion.attribute_accuracy_nonmembers")
    public static let inversionAttributeBaseline = MetricID("inversion.attribute_baseline")
    public static let inversionAttributeTable = MetricID("inversion.attribute_inference")
}

// MARK: Model extraction

extension MetricID {
    /// The best copy's fidelity on the held-out rows (the extraction headline).
    public static let extractionFidelity = MetricID("extraction.fidelity")
    /// The best copy's fidelity within `queries` queries (the what-if headline, query limits).
    public static func extractionFidelity(withinQueries queries: Int) -> MetricID {
        MetricID("extraction.fidelity_within_\(queries)_queries")
    }
    /// The best fidelity any copy reached within a query limit.
    public static let extractionFidelityWithinLimit = MetricID("extraction.fidelity_within_limit")
    public static let extractionEquationQueries = MetricID("extraction.equation_solving.queries")
    public static let extractionEquationFidelity = MetricID("extraction.equation_solving.fidelity")
    public static let extractionEquationParameterError = MetricID("extraction.equation_solving.parameter_error")
    public static let extractionHeldOutRows = MetricID("extraction.held_out_rows")
    public static let extractionMajorityFidelity = MetricID("extraction.majority_fidelity")
    public static let extractionBestFidelity = MetricID("extraction.best_fidelity")
    public static let extractionFidelityAt1000 = MetricID("extraction.fidelity_at_1000_queries")
    /// The fewest queries to reach `threshold` fidelity (0.95 → `extraction.queries_to_95pct_fidelity`).
    public static func extractionQueriesTo(fidelity threshold: Double) -> MetricID {
        MetricID("extraction.queries_to_\(percent(threshold))pct_fidelity")
    }
    /// The fidelity-versus-queries curve.
    public static let extractionFidelityCurve = MetricID("extraction.fidelity_curve")
}

// MARK: Defense what-if

extension MetricID {
    /// A probe's severity before and after a defense, as a rank (0 note … 4 critical).
    public static let severityRank = MetricID("severity_rank")
    /// Accuracy (classifiers) or R² (regressors) on the non-members behind a defense.
    public static let utility = MetricID("utility.score")
    /// The share of answers whose top label a defense left unchanged.
    public static let utilityTopLabelUnchanged = MetricID("utility.top_label_unchanged")
}

// MARK: Tables

extension MetricID {
    public static let membershipAttacksTable = MetricID("membership.attacks")
    public static let inversionPerClassTable = MetricID("inversion.per_class")
    /// The reconstructions as numbers: one row per feature, one column per class.
    public static let inversionReconstructionsTable = MetricID("inversion.reconstructions")
    public static let extractionFidelityTable = MetricID("extraction.fidelity_table")
    public static let extractionQueriesTable = MetricID("extraction.queries_to_fidelity_table")
}
