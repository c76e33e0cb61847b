import AIRiskResults
import ArgumentParser

/// The CI gate: the lowest severity that fails the run.
enum Gate: String, ExpressibleByArgument, CaseIterable {
    case low
    case medium
    case high
    case critical

    var severity: Severity {
        switch self {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }

    /// Exit code 2 when a finding is at or above the gate.
    static let findingExitCode: Int32 = 2

    /// Exit code 1 when the assessment cannot vouch for the model: no selected probe ran, or a gate was
    /// given and a probe failed.
    static let incompleteExitCode: Int32 = 1

    /// Why the results cannot pass: nothing ran (with or without a gate), or — with a gate — a probe failed.
    /// Nil when the results are complete enough to judge.
    static func incompleteReason(_ results: AssessmentResults, gate: Gate?) -> String? {
        if !results.anyProbeRan {
            return "no selected probe ran (" + (results.status.incompleteReason ?? "nothing was assessed") + ")"
        }
        if gate != nil, !results.failedProbes.isEmpty {
            return "the assessment is incomplete: "
                + results.failedProbes.map { "\($0.id) failed" }.joined(separator: ", ")
        }
        return nil
    }

    /// The exit status for `results` under `gate`: 1 when incomplete (see ``incompleteReason(_:gate:)``),
    /// 2 when a finding is at or above the gate, 0 otherwise.
    static func exitCode(_ results: AssessmentResults, gate: Gate?) -> Int32 {
        if incompleteReason(results, gate: gate) != nil { return incompleteExitCode }
        if let gate, !gate.failing(results).isEmpty { return findingExitCode }
        return 0
    }

    /// The findings at or above the gate.
    func failing(_ results: AssessmentResults) -> [Finding] {
        results.findings.filter { $0.severity >= severity }
    }
}
