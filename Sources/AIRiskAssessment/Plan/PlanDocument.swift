import AIRiskAccess
import AIRiskXML
import Foundation

/// Reads an assessment plan file (`templates/plan.xsd`, namespace `urn:airisk:plan:1`),
/// validating it against the schema first so every problem is reported with its line.
public enum PlanDocument {
    public static let namespace = "urn:airisk:plan:1"

    public static func schema() throws(XMLError) -> XMLSchema {
        try XMLSchema(Data(BundledPlanSchema.xsd.utf8), fileName: "plan.xsd")
    }

    /// The plan in `url`; relative file paths are resolved against the plan's directory.
    public static func read(contentsOf url: URL) throws -> AssessmentPlan {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AssessmentError.input("cannot read plan \(url.path): \(error.localizedDescription)")
        }
        return try read(data, fileName: url.path, directory: url.deletingLastPathComponent())
    }

    /// The plan in `data` (read from `fileName`, named in errors); relative file paths are resolved against
    /// `directory`. `schema` saves compiling the plan schema again when many plans are read.
    public static func read(
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
                    AssessmentPlan.DataSource(url: resolve($0), labelColumn: e[attribute: "labelColumn"])
                }
            }
        }
        func integers(_ s: String?) -> [Int]? {
            s.map { $0.split(whereSeparator: \.isWhitespace).compactMap { Int($0) } }
        }
        // The schema guarantees the required elements and the enumerations.
        guard let model = root.element(named: "model"), let modelFile = model[attribute: "file"],
            let members = source("members"), let nonMembers = source("nonMembers")
        else {
            throw AssessmentError.input("\(fileName): plan lacks model, members or nonMembers")
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
            dataSensitivity: root[attribute: "dataSensitivity"] ?? "medium",
            classes: integers(root.element(named: "classes")?.text),
            inputShape: integers(model[attribute: "inputShape"]),
            queryBudget: root[attribute: "queryBudget"].flatMap { Int($0) })
        plan.access = root[attribute: "access"].flatMap(AccessLevel.init(rawValue:))
        plan.exposure = root[attribute: "exposure"] ?? "internal"
        return plan
    }
}
