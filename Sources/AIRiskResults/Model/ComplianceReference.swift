/// A requirement or control of a compliance framework that one probe's measurement bears on (NIST AI 100-2 E2025,
/// MITRE ATLAS with its version, OWASP AISVS 1.0, EU AI Act, ISO/IEC 42001, OWASP AI Exchange, the legacy OWASP
/// ML Top 10), copied from the catalog when the assessment ran so every report cites the same references.
package struct ComplianceReference: Sendable, Equatable, Codable {
    /// Whether the probe's verdict passes or fails the entry, or the entry is cited for context only.
    package enum Kind: String, Sendable, Codable {
        /// The measurement passes or fails it (see ``RequirementOutcome``).
        case requirement
        /// Cited for context: a taxonomy entry or a control the probe does not test.
        case reference
    }

    /// The probe whose measurement the entry rests on.
    package var probeID: String
    /// The framework with its version, e.g. "OWASP AISVS 1.0" or "MITRE ATLAS 5.6.0".
    package var framework: String
    /// The entry's identifier within the framework, e.g. "11.3.3", "NISTAML.033", "Art. 15(5)".
    package var ref: String
    package var kind: Kind
    /// How well the catalog entry is backed: verified, inferred or unverified.
    package var status: String
    /// The requirement's text or the entry's title, as the catalog paraphrases it.
    package var text: String
    package var url: String?

    package init(
        probeID: String, framework: String, ref: String, kind: Kind, status: String, text: String, url: String? = nil
    ) {
        self.probeID = probeID
        self.framework = framework
        self.ref = ref
        self.kind = kind
        self.status = status
        self.text = text
        self.url = url
    }

    /// "OWASP AISVS 1.0 11.3.3".
    package var label: String { "\(framework) \(ref)" }
}

/// The outcome of one requirement under the measured verdicts.
package enum RequirementOutcome: String, Sendable, Codable {
    /// The probe ran and found no measurable leakage (its finding is a note).
    case pass
    /// The probe's finding shows measurable leakage (severity low or above), which also covers any gate.
    case fail
    /// The probe did not run (not selected, skipped or failed).
    case notTested = "not-tested"
}

extension AssessmentResults {
    /// Every `kind == .requirement` entry with its outcome, in document order: fail when its probe's finding is
    /// above note (measurable leakage, so at or above any gate), pass when the probe ran and its finding is a note,
    /// not tested when the probe did not run.
    package var requirementOutcomes: [(requirement: ComplianceReference, outcome: RequirementOutcome)] {
        compliance.filter { $0.kind == .requirement }.map { req in
            let ran = probes.contains { $0.id == req.probeID && $0.status == .ran }
            let worst = findings(ofProbe: req.probeID).map(\.severity).max()
            guard ran, let worst else { return (req, .notTested) }
            return (req, worst > .note ? .fail : .pass)
        }
    }
}
