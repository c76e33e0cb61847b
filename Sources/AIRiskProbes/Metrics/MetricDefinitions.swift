/// The written definitions of every membership metric, carried into results so the report can
/// state exactly what each number means.
package enum MetricDefinitions {
    package static let all: [MetricDefinition] = [
        MetricDefinition(
            "score convention",
            "every attack gives each record a score; higher means more likely a member. A threshold t flags "
                + "records with score ≥ t. Members are positives, non-members negatives."
        ),
        MetricDefinition(
            "ROC",
            "one point per distinct score (tied scores move TPR and FPR together), from (0,0) to (1,1); the report "
                + "keeps the points on a linear FPR grid plus a log grid from 1e-4 to 1e-1."
        ),
        MetricDefinition(
            "AUC",
            "P(member score > non-member score) + 0.5·P(equal), over all member × non-member pairs "
                + "(the Mann–Whitney statistic; 0.5 is chance)."
        ),
        MetricDefinition(
            "TPR at FPR",
            "the largest TPR over thresholds whose empirical FPR ≤ the target, with a Clopper–Pearson 95 % "
                + "interval on TP/members. It rests on floor(target × non-members) allowed false positives; when "
                + "that is 0 it is the TPR at zero observed false positives."
        ),
        MetricDefinition(
            "advantage",
            "maximal membership advantage: max over thresholds of TPR − FPR (0 is chance, 1 is perfect)."),
        MetricDefinition(
            "balanced accuracy", "(TPR + TNR) / 2 at the threshold of maximal advantage, i.e. (1 + advantage) / 2."),
        MetricDefinition(
            "epsilon lower bound",
            "ε ≥ max over thresholds of log((TPR_lo − δ) / FPR_hi) and "
                + "log((1 − FPR_hi − δ) / (1 − TPR_lo)), "
                + "δ = 1e-5, with TPR_lo / FPR_hi the Clopper–Pearson 95 % lower / upper bounds (at least 0). "
                + "A DP guarantee with a smaller ε would be contradicted by the attack."
        ),
        MetricDefinition("per-class AUC", "the AUC over the members and non-members of one true class."),
        MetricDefinition(
            "most exposed records", "the 20 members with the highest attack scores (index in the members set, score)."),
        MetricDefinition(
            "accuracy gap",
            "the model's accuracy on the members minus its accuracy on the non-members (a generalisation gap)."
        ),
    ]
}
