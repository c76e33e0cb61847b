import AIRiskAccess
import AIRiskProbes
import AIRiskResults
import Foundation

extension Assessor {
    /// Complete when every selected probe ran; incomplete when one failed or none ran (then nothing
    /// was assessed, and the results must not look clean).
    static func status(of probes: [ProbeResult]) -> AssessmentStatus {
        let failed = probes.compactMap { p -> String? in
            if case .failed(let e) = p.status { return "\(p.id): \(e)" }
            return nil
        }
        if !failed.isEmpty { return .incomplete(error: failed.joined(separator: "; ")) }
        if !probes.contains(where: { $0.status == .ran }) {
            let skipped = probes.compactMap { p in p.status.detail.map { "\(p.id) skipped: \($0)" } }
            // The readers (summary, gate, JUnit) say "no selected probe ran"; the reason says why.
            return .incomplete(error: skipped.isEmpty ? "no probe was selected" : skipped.joined(separator: "; "))
        }
        return .complete
    }

    /// Non-finite values in the loaded features or regression targets.
    static func dataWarnings(_ inputs: Inputs) -> [String] {
        var out: [String] = []
        for (name, data) in [("members", inputs.members), ("non-members", inputs.nonMembers)]
            + (inputs.population.map { [("population", $0)] } ?? [])
        {
            let features = (data.features.floats ?? []).filter { !$0.isFinite }.count
            let targets = (data.targets ?? []).filter { !$0.isFinite }.count
            if inputs.access.description.handlesMissingValues, targets == 0, features > 0 {
                out.append(
                    "the \(name) data holds \(features) missing (NaN or infinite) feature value(s), assessed as they are: "
                        + "the model handles missing values, and the tool's own trained models read them as the "
                        + "column's mean")
            } else if features + targets > 0 {
                out.append(
                    "the \(name) data holds \(features + targets) NaN or infinite value(s): every figure computed from "
                        + "them is suspect; clean or drop those rows")
            }
        }
        return out
    }

    /// Members (and, as a check of the split, non-members) the model file holds verbatim: anyone with the file reads
    /// those records, whatever the attacks measure.
    static func storedRowWarnings(_ inputs: Inputs) -> [String] {
        let width = inputs.access.description.featureCount
        let match = StoredRowMatch(inputs.storedRows, width: width)
        guard !match.isEmpty else { return [] }
        var out: [String] = []
        let members = match.found(in: inputs.members.features.floats ?? [], width: width)
        if !members.isEmpty {
            let origins = Set(members.map(\.origin)).sorted().joined(separator: "; ")
            let shown = members.prefix(10).map { String($0.row) }.joined(separator: ", ")
            out.append(
                "the model file holds \(members.count) of the \(inputs.members.count) member records verbatim (in "
                    + "\(origins); member rows \(shown)\(members.count > 10 ? ", …" : "")): anyone with the file reads "
                    + "them, whatever the membership attacks measure; ship a model that does not keep its training rows "
                    + "(a linear or tree model instead of an SVM or kNN), or keep the file private")
        }
        let nonMembers = match.found(in: inputs.nonMembers.features.floats ?? [], width: width)
        if !nonMembers.isEmpty {
            out.append(
                "the model file also holds \(nonMembers.count) of the \(inputs.nonMembers.count) non-member records "
                    + "verbatim: they were in its training data, so the non-member split is wrong (or the records are "
                    + "duplicated across the splits)")
        }
        return out
    }

    /// What the answer audit saw during the probes.
    static func answerWarnings(_ c: AnswerAudit.Counts) -> [String] {
        var out: [String] = []
        if c.nonFiniteRows > 0 {
            out.append(
                "the model answered NaN or infinite scores for \(c.nonFiniteRows) of \(c.rows) rows: attack figures "
                    + "computed from those answers are unreliable")
        }
        if c.notProbabilityRows > 0 {
            out.append(
                "\(c.notProbabilityRows) of \(c.rows) answers declared as probabilities leave [0, 1] or do not sum "
                    + "to 1: the probes read them as probabilities, so their figures may be off")
        }
        return out
    }

    /// For a local model declared to answer probabilities: asks it about up to eight member rows and
    /// tells whether the answers are not probabilities (so every probe should treat them as scores).
    func answersAreNotProbabilities(_ inputs: Inputs) async throws -> Bool {
        guard inputs.identity.sourceKind == .file, inputs.access.description.outputKind == .probabilities,
            inputs.members.count > 0
        else { return false }
        let sample = inputs.members.subset(Array(0..<min(8, inputs.members.count)))
        guard let out = try? await inputs.access.predict(sample.features), out.width > 0,
            out.scores.count == out.rows * out.width
        else { return false }
        return (0..<out.rows).contains { i in
            let row = out.row(i)
            return row.allSatisfy(\.isFinite) && !AnswerAudit.isProbabilityRow(row)
        }
    }
}
