import AIRiskAssessment
import AIRiskCatalog
import AIRiskLoader
import AIRiskProbes
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

/// LiRA and RMIA on the user's own reference models (`--reference-models`), against the independent numpy
/// implementation scripts/reference_mia.py: the 8 committed reference models of mlp_digits_overfit and the
/// figures it wrote for them (reference_mia.json).
@Suite("Membership with supplied reference models")
struct MembershipReferenceModelsTests {
    static let name = "mlp_digits_overfit"
    static let directory = FixtureModels.directory.appendingPathComponent("references/\(name)")
    static let attacks: [(MembershipAttack, String)] = [
        (.liraOnline, "lira_online"), (.liraOffline, "lira_offline"), (.rmiaOnline, "rmia_online"),
        (.rmiaOffline, "rmia_offline"),
    ]

    struct Reference {
        var auc: Double
        var tpr: Double
    }

    static func reference() throws -> (attacks: [String: Reference], a: Double, models: Int) {
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("reference_mia.json")))
        guard let root = json as? [String: Any], let attacks = root["attacks"] as? [String: [String: Double]],
            let a = root["rmia_offline_a"] as? Double, let models = root["reference_models"] as? Int
        else { throw CocoaError(.fileReadCorruptFile) }
        return (
            attacks.mapValues { Reference(auc: $0["auc"] ?? .nan, tpr: $0["tpr_at_fpr_0.01"] ?? .nan) }, a, models
        )
    }

    func run(_ directory: URL = directory) async throws -> MembershipResult {
        var config = MembershipProbeConfiguration(attacks: Self.attacks.map(\.0), seed: 1)
        config.suppliedReferences = try ModelLoader().loadReferences(directory)
        return try await MembershipProbe(configuration: config).run(
            model: try FixtureModels.access(Self.name), members: try FixtureModels.data(Self.name, "members"),
            nonMembers: try FixtureModels.data(Self.name, "nonmembers"),
            population: try FixtureModels.data(Self.name, "population"))
    }

    @Test("LiRA and RMIA, online and offline, match the numpy reference on the same 8 reference models")
    func matchesPythonReference() async throws {
        let reference = try Self.reference()
        let result = try await run()
        #expect(result.referenceModelCount == reference.models)
        #expect(result.referenceOrigin?.contains("loaded from") == true)
        for (attack, key) in Self.attacks {
            let r = try #require(reference.attacks[key])
            let m = try #require(result.result(for: attack), "\(key) did not run").metrics
            // AUCs lie in [0, 1]: 0.01 absolute is 1 % of the scale.
            #expect(abs(m.auc - r.auc) <= 0.01, "\(key): AUC \(m.auc) vs numpy \(r.auc)")
            let tpr = try #require(m.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }).tpr.estimate
            // 225 members: 0.02 is 4 or 5 members at a threshold allowing 2 false positives.
            #expect(abs(tpr - r.tpr) <= 0.02, "\(key): TPR at 1 % FPR \(tpr) vs numpy \(r.tpr)")
        }
        let offline = try #require(result.result(for: .rmiaOffline))
        #expect(offline.notes.contains { $0.contains("a = \(reference.a),") }, "\(offline.notes)")
    }

    /// A copy of the committed directory with `change` applied, for the error cases.
    func brokenCopy(_ change: (URL) throws -> Void) throws -> URL {
        let dir = try makeTemporaryDirectory(prefix: "airisk-references")
        for k in 0..<2 {
            for suffix in [".onnx", ".members.txt"] {
                let file = String(format: "ref_%02d", k) + suffix
                try FileManager.default.copyItem(
                    at: Self.directory.appendingPathComponent(file), to: dir.appendingPathComponent(file))
            }
        }
        try change(dir)
        return dir
    }

    func loadingError(_ dir: URL) -> String? {
        do {
            _ = try ModelLoader().loadReferences(dir)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a missing members list, a malformed row and a duplicate row are errors naming the file")
    func malformedLists() throws {
        let missing = try brokenCopy {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("ref_01.members.txt"))
        }
        let m = try #require(loadingError(missing))
        #expect(m.contains("ref_01.members.txt is missing") && m.contains("ref_01.onnx"), "\(m)")

        let text = try #require(
            loadingError(
                try brokenCopy {
                    try "0\n1\ntwo\n".write(
                        to: $0.appendingPathComponent("ref_00.members.txt"), atomically: true, encoding: .utf8)
                }))
        #expect(text.contains("ref_00.members.txt") && text.contains("line 3") && text.contains("'two'"), "\(text)")

        let negative = try #require(
            loadingError(
                try brokenCopy {
                    try "5\n-1\n".write(
                        to: $0.appendingPathComponent("ref_00.members.txt"), atomically: true, encoding: .utf8)
                }))
        #expect(negative.contains("ref_00.members.txt") && negative.contains("line 2"), "\(negative)")

        let duplicate = try #require(
            loadingError(
                try brokenCopy {
                    try "3\n4\n3\n".write(
                        to: $0.appendingPathComponent("ref_01.members.txt"), atomically: true, encoding: .utf8)
                }))
        #expect(duplicate.contains("ref_01.members.txt") && duplicate.contains("row 3 is listed twice"), "\(duplicate)")

        let empty = try makeTemporaryDirectory(prefix: "airisk-references")
        let none = try #require(loadingError(empty))
        #expect(none.contains("no reference model") && none.contains(empty.path), "\(none)")

        let notADirectory = try #require(
            loadingError(Self.directory.appendingPathComponent("ref_00.onnx")))
        #expect(notADirectory.contains("not a directory"), "\(notADirectory)")
    }

    @Test("an out-of-range row and a model of another shape end the assessment with the file named")
    func shapeAndRange() async throws {
        let outOfRange = try brokenCopy {
            try "0\n450\n".write(to: $0.appendingPathComponent("ref_01.members.txt"), atomically: true, encoding: .utf8)
        }
        let wrongShape = try brokenCopy {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("ref_01.onnx"))
            try FileManager.default.copyItem(
                at: FixtureModels.url("logreg_breast_cancer", ".onnx"), to: $0.appendingPathComponent("ref_01.onnx"))
        }
        for (dir, expected) in [
            (outOfRange, ["ref_01.members.txt", "row 450 is out of range", "450 target records"]),
            (wrongShape, ["ref_01.onnx", "takes input rows", "30"]),
        ] {
            var plan = AssessmentPlan(
                modelURL: FixtureModels.url(Self.name, ".onnx"),
                members: .init(url: FixtureModels.url(Self.name, ".members.npz")),
                nonMembers: .init(url: FixtureModels.url(Self.name, ".nonmembers.npz")), probes: [.membership],
                profile: .quick)
            plan.referenceModels = dir
            do {
                _ = try await Assessor(catalog: try Catalog.bundled()).run(plan)
                Issue.record("the assessment ran with \(dir.path)")
            } catch {
                let text = "\(error)"
                for e in expected { #expect(text.contains(e), "\(text)") }
            }
        }
    }

    @Test("the quick profile runs LiRA and RMIA on supplied references and records where they came from")
    func quickProfileUsesSuppliedReferences() async throws {
        var plan = AssessmentPlan(
            modelURL: FixtureModels.url(Self.name, ".onnx"),
            members: .init(url: FixtureModels.url(Self.name, ".members.npz")),
            nonMembers: .init(url: FixtureModels.url(Self.name, ".nonmembers.npz")),
            population: .init(url: FixtureModels.url(Self.name, ".population.npz")), probes: [.membership],
            profile: .quick, seed: 3)
        plan.referenceModels = Self.directory
        let results = try await Assessor(catalog: try Catalog.bundled()).run(plan)
        let membership = try #require(results.probes.first { $0.id == "membership" })
        #expect(membership.notes.contains { $0.contains("8 reference models loaded from \(Self.directory.path)") })
        let table = try #require(membership.tables.first { $0.id == .membershipAttacksTable })
        let names = table.rows.compactMap { row -> String? in
            if case .text(let s)? = row.first { return s }
            return nil
        }
        for name in ["LiRA online", "LiRA offline", "RMIA online", "RMIA offline"] {
            #expect(names.contains(name), "\(names)")
        }
    }
}
