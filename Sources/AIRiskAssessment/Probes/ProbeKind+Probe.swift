extension ProbeKind {
    /// The probe that runs this kind of attack.
    var probe: any Probe {
        switch self {
        case .membership: MembershipAssessmentProbe()
        case .inversion: InversionAssessmentProbe()
        case .extraction: ExtractionAssessmentProbe()
        }
    }
}
