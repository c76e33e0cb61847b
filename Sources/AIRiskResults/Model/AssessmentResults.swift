import Foundation

/// The canonical results document of one assessment: everything every rendering is drawn from.
///
/// `airisk report results.xml` rebuilds this value from the XML alone and renders HTML, OSCAL, JSON, SARIF and
/// JUnit from it, so anything a report shows must live here.
package struct AssessmentResults: Sendable, Equatable, Codable {
    /// The tool that produced the document.
    package var tool: ToolInfo
    /// When the assessment finished, kept to whole seconds (the XML form's precision). Injected by the caller
    /// so tests and reproducible runs can fix it.
    package var generatedAt: Date {
        didSet { generatedAt = Self.wholeSeconds(generatedAt) }
    }
    /// The seed every probe's randomness derives from.
    package var seed: UInt64
    /// The budget profile by name (quick, standard, thorough, or a team's own).
    package var profile: String
    /// Every budget the profile and flags set, by name.
    package var budgets: [Budget]
    /// The sensitivity of the training data the user declared; it drives impact.
    package var dataSensitivity: DataSensitivity
    package var status: AssessmentStatus
    /// Sanity warnings about the inputs or the model's answers (swapped splits, non-finite answers,
    /// "probabilities" that are not, too few records for a figure), shown in every report.
    package var warnings: [String]
    package var model: ModelIdentity
    package var dataSets: [DataSetRecord]
    package var environment: EnvironmentInfo
    package var probes: [ProbeResult]
    package var findings: [Finding]
    /// The compliance requirements and references each probe bears on (copied from the catalog); empty in
    /// documents written before they existed.
    package var compliance: [ComplianceReference] = []
    /// The CI gate (`--fail-on`) the assessment was run under: the lowest severity that blocks a release; nil
    /// when none was given.
    package var gate: Severity?
    package var matrix: MatrixSnapshot
    package var defenses: [DefenseEvidence]
    /// Method and metric definitions the report prints.
    package var definitions: [Definition]

    package init(
        tool: ToolInfo, generatedAt: Date, seed: UInt64, profile: String, budgets: [Budget] = [],
        dataSensitivity: DataSensitivity, status: AssessmentStatus = .complete, warnings: [String] = [],
        model: ModelIdentity,
        dataSets: [DataSetRecord] = [], environment: EnvironmentInfo, probes: [ProbeResult] = [],
        findings: [Finding] = [], matrix: MatrixSnapshot = MatrixSnapshot(), defenses: [DefenseEvidence] = [],
        definitions: [Definition] = []
    ) {
        self.warnings = warnings
        self.tool = tool
        self.generatedAt = Self.wholeSeconds(generatedAt)
        self.seed = seed
        self.profile = profile
        self.budgets = budgets
        self.dataSensitivity = dataSensitivity
        self.status = status
        self.model = model
        self.dataSets = dataSets
        self.environment = environment
        self.probes = probes
        self.findings = findings
        self.matrix = matrix
        self.defenses = defenses
        self.definitions = definitions
    }

    /// The highest severity among the findings; `.note` when there are none.
    package var overallSeverity: Severity {
        findings.map(\.severity).max() ?? .note
    }

    /// Findings from most to least severe (stable for equal severities).
    package var findingsBySeverity: [Finding] {
        findings.enumerated().sorted {
            $0.element.severity != $1.element.severity
                ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Whether at least one selected probe ran to the end; when none did, nothing was assessed.
    package var anyProbeRan: Bool {
        probes.contains { $0.status == .ran }
    }

    /// The probes that failed, in run order.
    package var failedProbes: [ProbeResult] {
        probes.filter { if case .failed = $0.status { true } else { false } }
    }

    /// The findings a probe produced.
    package func findings(ofProbe probeID: String) -> [Finding] {
        findings.filter { $0.probeID == probeID }
    }

    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
