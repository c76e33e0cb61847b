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

    /// The findings at or above the gate.
    func failing(_ results: AssessmentResults) -> [Finding] {
        results.findings.filter { $0.severity >= severity }
    }
}
