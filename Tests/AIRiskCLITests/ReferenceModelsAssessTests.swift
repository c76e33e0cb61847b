import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

@Suite("assess --reference-models")
struct ReferenceModelsAssessTests {
    static let name = "mlp_digits_overfit"
    static let references = FixtureModels.directory.appendingPathComponent("references/\(name)")

    func assess(_ extra: [String], name: String = Self.name) -> [String] {
        [
            "assess", "--model", FixtureModels.url(name, ".onnx").path,
            "--members", FixtureModels.url(name, ".members.npz").path,
            "--nonmembers", FixtureModels.url(name, ".nonmembers.npz").path,
            "--population", FixtureModels.url(name, ".population.npz").path,
            "--probes", "membership", "--profile", "quick",
        ] + extra
    }

    func run(_ arguments: [String]) async throws {
        var command = try AIRiskCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    @Test("LiRA and RMIA run on the user's references; results.xml validates and names where they came from")
    func runsOnSuppliedReferences() async throws {
        let dir = try makeTemporaryDirectory(prefix: "airisk-cli-references")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await run(assess(["--out", dir.path, "--reference-models", Self.references.path]))
        try await run(["validate", dir.appendingPathComponent("results.xml").path])
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        let membership = try #require(doc.probes.first { $0.id == "membership" })
        #expect(membership.notes.contains { $0.contains("8 reference models loaded from \(Self.references.path)") })
        let table = try #require(membership.tables.first { $0.id == .membershipAttacksTable })
        let names = table.rows.compactMap { row -> String? in
            if case .text(let s)? = row.first { return s }
            return nil
        }
        #expect(Set(["LiRA online", "LiRA offline", "RMIA online", "RMIA offline"]).isSubset(of: Set(names)))
    }

    @Test("a regressor's reference regressors: LiRA and RMIA run on the residuals beside the squared-error attack")
    func runsOnSuppliedReferenceRegressors() async throws {
        let name = "mlp_regressor_diabetes"
        let references = FixtureModels.directory.appendingPathComponent("references/\(name)")
        let dir = try makeTemporaryDirectory(prefix: "airisk-cli-references")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await run(assess(["--out", dir.path, "--reference-models", references.path], name: name))
        try await run(["validate", dir.appendingPathComponent("results.xml").path])
        let doc = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(doc.model.outputKind == "regression")
        let membership = try #require(doc.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        #expect(membership.notes.contains { $0.contains("16 reference models loaded from \(references.path)") })
        let table = try #require(membership.tables.first { $0.id == .membershipAttacksTable })
        let names = table.rows.compactMap { row -> String? in
            if case .text(let s)? = row.first { return s }
            return nil
        }
        let expected: Set = ["squared-error threshold", "LiRA online", "LiRA offline", "RMIA online", "RMIA offline"]
        #expect(expected.isSubset(of: Set(names)), "\(names)")
    }

    @Test("a directory without reference models fails naming it, and writes nothing")
    func emptyDirectory() async throws {
        let empty = try makeTemporaryDirectory(prefix: "airisk-cli-references")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-cli-\(UUID().uuidString)")
        await #expect {
            try await run(assess(["--out", out.path, "--reference-models", empty.path]))
        } throws: { error in
            "\(error)".contains(empty.path) && "\(error)".contains("no reference model")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
