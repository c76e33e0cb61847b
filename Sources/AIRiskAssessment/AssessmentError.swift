/// Why an assessment could not be carried out. Each case names what the user gave (a setting, a file, a
/// policy entry) apart from what was wrong with it, so a caller can point at it.
package enum AssessmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value the user gave (a flag or plan attribute, named in `setting`) is out of its range.
    case badSetting(setting: String, value: String, requirement: String)
    /// A data file does not fit the model or the probes.
    case badData(file: String, problem: String, fix: String?)
    /// A plan file cannot be read, or lacks what a plan needs.
    case badPlan(file: String, problem: String)
    /// Reference models (`--reference-models` or `--reference-cmd`, named in `source`) are unusable.
    case badReferenceModels(source: String, problem: String, fix: String?)
    /// The risk policy or catalog lacks what scoring needs: `missing` names it, `known` lists what it has.
    case policyGap(missing: String, known: [String])
    case probe(id: String, reason: String)

    package var description: String {
        switch self {
        case .badSetting(let setting, let value, let requirement): "\(setting) \(value): \(requirement)"
        case .badData(let file, let problem, let fix): "\(file): \(problem)" + (fix.map { ": \($0)" } ?? "")
        case .badPlan(let file, let problem): "plan \(file): \(problem)"
        case .badReferenceModels(let source, let problem, let fix):
            "\(source): \(problem)" + (fix.map { "; \($0)" } ?? "")
        case .policyGap(let missing, let known):
            "risk policy: \(missing)" + (known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))")
        case .probe(let id, let reason): "\(id) probe: \(reason)"
        }
    }
}
