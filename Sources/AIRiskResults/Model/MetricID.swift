/// The stable identity of a metric, curve or table: what code reads a figure by, never its display name.
/// Serialized as the `id` attribute of `<metric>`, `<curve>` and `<table>` and the `metricID` attribute of
/// `<measurement>`; documents written before identities existed carry none.
///
/// The raw value is `probe.figure` in lower snake case (e.g. `membership.auc`,
/// `membership.tpr_at_1pct_fpr`), the convention the policy's `<metric id>` uses.
package struct MetricID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    package var rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package var description: String { rawValue }

    /// The probe a metric belongs to: the raw value up to the first dot.
    package var probeID: String { String(rawValue.prefix { $0 != "." }) }

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
    package static let membershipAUC = MetricID("membership.auc")
    /// The headline attack's TPR at `fpr` (the metric carries the rate as ``Metric/targetFPR``).
    package static func membershipTPR(atFPR fpr: Double) -> MetricID {
        MetricID("membership.tpr_at_\(percent(fpr))pct_fpr")
    }
    /// LiRA's own TPR at `fpr` (`online` or `offline`), reported beside the headline attack's in the what-if.
    package static func liraTPR(_ variant: String, atFPR fpr: Double) -> MetricID {
        MetricID("membership.lira_\(variant).tpr_at_\(percent(fpr))pct_fpr")
    }
    /// RMIA's own TPR at `fpr` (`online` or `offline`), reported beside the headline attack's in the what-if.
    package static func rmiaTPR(_ variant: String, atFPR fpr: Double) -> MetricID {
        MetricID("membership.rmia_\(variant).tpr_at_\(percent(fpr))pct_fpr")
    }
    package static let membershipAdvantage = MetricID("membership.advantage")
    package static let membershipEpsilon = MetricID("membership.epsilon_lower_bound")
    package static let membershipTrainAccuracy = MetricID("membership.train_accuracy")
    package static let membershipTestAccuracy = MetricID("membership.test_accuracy")
    package static let membershipGeneralisationGap = MetricID("membership.generalisation_gap")
    /// A regressor's mean squared error on the members and on the non-members.
    package static let membershipTrainMSE = MetricID("membership.train_mse")
    package static let membershipTestMSE = MetricID("membership.test_mse")
    package static let membershipROC = MetricID("membership.roc")
}

// MARK: Model inversion

extension MetricID {
    /// Attack accuracy judged by the evaluation classifier, with its interval (the inversion headline).
    package static let inversionAttackAccuracy = MetricID("inversion.attack_accuracy")
    /// The evaluation model's accuracy on the reconstructions (no interval).
    package static let inversionEvaluatorAccuracy = MetricID("inversion.evaluator_accuracy")
    package static let inversionClassesReached = MetricID("inversion.classes_reached")
    package static let inversionMeanConfidence = MetricID("inversion.mean_target_confidence")
    package static let inversionCentredCosine = MetricID("inversion.centred_cosine")
    /// The share of attacked classes whose reconstruction beats the non-members' class mean.
    package static let inversionClassesBeyondPublic = MetricID("inversion.classes_beyond_public")
    /// Attribute inference: right guesses of the sensitive feature on the members (the headline when the plan
    /// names a sensitive feature), on the non-members, and the marginal guess on the members.
    package static let inversionAttributeAccuracy = MetricID("inversion.attribute_accuracy")
    package static let inversionAttributeNonMemberAccuracy = MetricID("inversion.attribute_accuracy_nonmembers")
    package static let inversionAttributeBaseline = MetricID("inversion.attribute_baseline")
    package static let inversionAttributeTable = MetricID("inversion.attribute_inference")
}

// MARK: Model extraction

extension MetricID {
    /// The best copy's fidelity on the held-out rows (the extraction headline).
    package static let extractionFidelity = MetricID("extraction.fidelity")
    /// The best copy's fidelity within `queries` queries (the what-if headline, query limits).
    package static func extractionFidelity(withinQueries queries: Int) -> MetricID {
        MetricID("extraction.fidelity_within_\(queries)_queries")
    }
    /// The best fidelity any copy reached within a query limit.
    package static let extractionFidelityWithinLimit = MetricID("extraction.fidelity_within_limit")
    package static let extractionEquationQueries = MetricID("extraction.equation_solving.queries")
    package static let extractionEquationFidelity = MetricID("extraction.equation_solving.fidelity")
    package static let extractionEquationParameterError = MetricID("extraction.equation_solving.parameter_error")
    package static let extractionHeldOutRows = MetricID("extraction.held_out_rows")
    package static let extractionMajorityFidelity = MetricID("extraction.majority_fidelity")
    package static let extractionBestFidelity = MetricID("extraction.best_fidelity")
    package static let extractionFidelityAt1000 = MetricID("extraction.fidelity_at_1000_queries")
    /// The fewest queries to reach `threshold` fidelity (0.95 → `extraction.queries_to_95pct_fidelity`).
    package static func extractionQueriesTo(fidelity threshold: Double) -> MetricID {
        MetricID("extraction.queries_to_\(percent(threshold))pct_fidelity")
    }
    /// The fidelity-versus-queries curve.
    package static let extractionFidelityCurve = MetricID("extraction.fidelity_curve")
}

// MARK: Defense what-if

extension MetricID {
    /// A probe's severity before and after a defense, as a rank (0 note … 4 critical).
    package static let severityRank = MetricID("severity_rank")
    /// Accuracy (classifiers) or R² (regressors) on the non-members behind a defense.
    package static let utility = MetricID("utility.score")
    /// The share of answers whose top label a defense left unchanged.
    package static let utilityTopLabelUnchanged = MetricID("utility.top_label_unchanged")
}

// MARK: Tables

extension MetricID {
    package static let membershipAttacksTable = MetricID("membership.attacks")
    package static let inversionPerClassTable = MetricID("inversion.per_class")
    /// The reconstructions as numbers: one row per feature, one column per class.
    package static let inversionReconstructionsTable = MetricID("inversion.reconstructions")
    package static let extractionFidelityTable = MetricID("extraction.fidelity_table")
    package static let extractionQueriesTable = MetricID("extraction.queries_to_fidelity_table")
}
