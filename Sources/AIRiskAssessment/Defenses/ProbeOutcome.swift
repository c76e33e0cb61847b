import AIRiskResults

/// One probe run behind one defense (or behind none): its headline figures, the evidence it was
/// scored by and the severity it gives.
struct ProbeOutcome: Sendable {
    var kind: ProbeKind
    /// Whether the probe ran (false when the defense left it nothing to attack, or it failed).
    var ran: Bool
    /// Why it did not run, when it did not.
    var reason: String?
    var headlines: [ProbeHeadline]
    /// The headline evidence the severity was scored from.
    var evidence: LeakageEvidence?
    var severity: Severity?
    /// Whether the probe failed (an error, not the defense, stopped it), so nothing was measured.
    var failed = false

    static func notRun(_ kind: ProbeKind, _ reason: String) -> ProbeOutcome {
        ProbeOutcome(kind: kind, ran: false, reason: reason, headlines: [], evidence: nil, severity: nil)
    }

    static func failure(_ kind: ProbeKind, _ error: any Error) -> ProbeOutcome {
        var o = notRun(kind, "failed: \(error)")
        o.failed = true
        return o
    }
}
