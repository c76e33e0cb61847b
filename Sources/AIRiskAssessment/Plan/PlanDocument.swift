import AIRiskAccess
import AIRiskData
import AIRiskProbes
import AIRiskSupport
import AIRiskVocabulary
import AIRiskXML
import Foundation

/// Reads an assessment plan file (`Sources/AIRiskAssessment/Resources/plan.xsd`, namespace `urn:airisk:plan:1`),
/// validating it against the schema first so every problem is reported with its line.
package enum PlanDocument {
    package static let namespace = "urn:airisk:plan:1"

    package static func schema() throws(XMLError) -> XMLSchema {
        try XMLSchema(Data(BundledPlanSchema.xsd.utf8), fileName: "plan.xsd")
    }

    /// The plan in `url`; relative file paths are resolved against the plan's directory.
    package static func read(contentsOf url: URL) throws -> AssessmentPlan {
        if let problem = RegularFile.problem(at: url.path) {
            throw AssessmentError.badPlan(file: url.path, problem: "cannot be read: \(problem)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AssessmentError.badPlan(file: url.path, problem: "cannot be read: \(error.localizedDescription)")
        }
        return try read(data, fileName: url.path, directory: url.deletingLastPathComponent())
    }

    /// The plan in `data` (read from `fileName`, named in errors); relative file paths are resolved against
    /// `directory`. `schema` saves compiling the plan schema again when many plans are read.
    package static func read(
        _ data: Data, fileName: String, directory base: URL, schema: XMLSchema? = nil
    ) throws -> AssessmentPlan {
        try (schema ?? Self.schema()).check(data, fileName: fileName)
        let root = try XMLReader.parse(data, fileName: fileName).root
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
        func source(_ name: String) -> AssessmentPlan.DataSource? {
            root.element(named: name).flatMap { e in
                e[attribute: "file"].map {
                    AssessmentPlan.DataSource(
                        url: resolve($0), labelColumn: e[attribute: "labelColumn"],
                        labelsURL: e[attribute: "labelsFile"].map(resolve))
                }
            }
        }
        // The schema accepts any size of integer; a value beyond Int is an error, never dropped.
        func integer(_ text: String, _ field: String) throws -> Int {
            guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw AssessmentError.badSetting(
                    setting: "\(fileName): \(field)", value: "'\(text)'",
                    requirement: "must be an integer in 0…\(Int.max)")
            }
            return v
        }
        func integers(_ s: String?, _ field: String) throws -> [Int]? {
            try s.map { try $0.split(whereSeparator: \.isWhitespace).map { try integer(String($0), field) } }
        }
        func sensitivity(_ s: String?) throws -> DataSensitivity {
            guard let s else { return .medium }
            guard let v = DataSensitivity(rawValue: s) else {
                throw AssessmentError.badSetting(
                    setting: "\(fileName): dataSensitivity", value: "'\(s)'",
                    requirement: "must be one of \(DataSensitivity.accepted)")
            }
            return v
        }
        // The schema guarantees the required elements and the enumerations.
        guard let model = root.element(named: "model"), let modelFile = model[attribute: "file"],
            let members = source("members"), let nonMembers = source("nonMembers")
        else {
            throw AssessmentError.badPlan(file: fileName, problem: "it lacks model, members or nonMembers")
        }
        var plan = AssessmentPlan(
            modelURL: resolve(modelFile), modelName: model[attribute: "name"], members: members, nonMembers: nonMembers,
            population: source("population"),
            probes: root.element(named: "probes").map {
                $0.elements(named: "probe").compactMap { ProbeKind(rawValue: $0.text) }
            }
                ?? ProbeKind.allCases,
            profile: root[attribute: "profile"].flatMap(Profile.init(rawValue:)) ?? .standard,
            seed: root[attribute: "seed"].flatMap { UInt64($0) } ?? 0,
            dataSensitivity: try sensitivity(root[attribute: "dataSensitivity"]),
            classes: try integers(root.element(named: "classes")?.text, "classes"),
            inputShape: try integers(model[attribute: "inputShape"], "inputShape"),
            queryBudget: try root[attribute: "queryBudget"].map { try integer($0, "queryBudget") })
        plan.imageShape = try integers(model[attribute: "imageShape"], "imageShape")
        plan.sensitiveFeature = model[attribute: "sensitiveFeature"]
        plan.access = root[attribute: "access"].flatMap(AccessLevel.init(rawValue:))
        plan.exposure = root[attribute: "exposure"] ?? "internal"
        plan.missingValues = root[attribute: "missingValues"].flatMap(MissingValuePolicy.init(rawValue:))
        plan.inversionObjective = root[attribute: "inversionObjective"].flatMap(
            InversionConfiguration.Objective.init(rawValue:))
        if let eps = root[attribute: "claimedEpsilon"] {
            guard let v = Double(eps), v.isFinite, v >= 0 else {
                throw AssessmentError.badSetting(
                    setting: "\(fileName): claimedEpsilon", value: "'\(eps)'", requirement: "must be a finite ε ≥ 0")
            }
            plan.claimedEpsilon = v
        }
        if let refs = root.element(named: "references") {
            plan.referenceRecipe = refs[attribute: "recipe"]
            plan.referenceModels = refs[attribute: "models"].map { resolve($0) }
            if let command = refs[attribute: "command"] {
                var rc = ReferenceCommand(command: command)
                rc.count = try refs[attribute: "count"].map { try integer($0, "references count") }
                if let jobs = refs[attribute: "jobs"] { rc.jobs = try integer(jobs, "references jobs") }
                if let retries = refs[attribute: "retries"] { rc.retries = try integer(retries, "references retries") }
                if let timeout = refs[attribute: "timeout"] {
                    guard let t = Double(timeout), t.isFinite, t > 0 else {
                        throw AssessmentError.badSetting(
                            setting: "\(fileName): references timeout", value: "'\(timeout)'",
                            requirement: "must be seconds > 0")
                    }
                    rc.timeout = t
                }
                plan.referenceCommand = rc
            }
        }
        try plan.validate(origin: fileName)
        return plan
    }
}
