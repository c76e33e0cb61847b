import AIRiskResults
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

/// `airisk assess --profile quick` on a fixture model and its data files, run in-process as a user runs it, with
/// the checks every end-to-end fixture test makes: the run is complete (a finding at the default gate is fine,
/// status 1 is not) and each asked probe ran and measured something.
enum QuickAssessment {
    /// Assesses `folder/model.onnx` with `folder/data.members.EXT`, `.nonmembers.EXT` and, when it exists,
    /// `.population.EXT`, and returns the results document it wrote.
    static func run(
        model: String, data: String, extension ext: String, in folder: URL, extra: [String] = [],
        probes: [String] = ["membership", "extraction"]
    ) async throws -> AssessmentResults {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-quick-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var arguments = [
            "assess", "--model", folder.appendingPathComponent("\(model).onnx").path,
            "--members", folder.appendingPathComponent("\(data).members.\(ext)").path,
            "--nonmembers", folder.appendingPathComponent("\(data).nonmembers.\(ext)").path,
        ]
        let population = folder.appendingPathComponent("\(data).population.\(ext)")
        if FileManager.default.fileExists(atPath: population.path) {
            arguments += ["--population", population.path]
        }
        arguments += extra + ["--probes", probes.joined(separator: ","), "--profile", "quick", "--out", dir.path]
        var command = try #require(try AIRiskCommand.parseAsRoot(arguments) as? AsyncParsableCommand)
        do {
            try await command.run()
        } catch let exit as ExitCode {
            #expect(exit.rawValue != 1, "an incomplete assessment of \(model)")
        }
        let results = try ResultsDocument.read(contentsOf: dir.appendingPathComponent("results.xml"))
        #expect(results.failedProbes.isEmpty, "\(results.failedProbes.map { "\($0.id): \($0.status)" })")
        for probe in probes {
            let p = try #require(results.probes.first { $0.id == probe }, "\(probe) missing")
            #expect(p.status == .ran, "\(probe): \(p.status)")
            #expect(p.queries.rows > 0, "\(probe) measured nothing")
        }
        return results
    }
}
