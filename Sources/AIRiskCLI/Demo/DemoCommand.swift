import AIRiskAssessment
import AIRiskCatalog
import ArgumentParser
import Foundation

/// `airisk demo`: the full assessment of the bundled demo model, every report in reports/demo/.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Assess the bundled demo model (an overfit digits MLP) with every probe; reports go to reports/demo/."
    )

    @Option(help: "Output directory.")
    var out: String = "reports/demo"

    @OptionGroup var run: RunOptions

    @Option(help: "Defenses to measure (comma-separated; 'none' for none).")
    var defenses: String = "round:1,top:1,label-only,dp-sgd:8"

    @Option(help: "Profile of the defense re-runs.")
    var defenseProfile: Profile = .quick

    @OptionGroup var report: ReportOptions

    func run() async throws {
        let assets = try DemoAssetFiles.materialise()
        defer { assets.remove() }
        var plan = AssessmentPlan(
            modelURL: assets.model, modelName: DemoAssets.model.name, members: .init(url: assets.members),
            nonMembers: .init(url: assets.nonMembers), population: .init(url: assets.population), profile: run.profile,
            seed: run.seed, dataSensitivity: .medium)
        plan.defenses = defenses == "none" ? [] : try AssessCommand.defenseList(defenses)
        plan.defenseProfile = defenseProfile
        try await AssessCommand.execute(
            plan: plan, catalog: try Catalog.bundled(), directory: URL(fileURLWithPath: out, isDirectory: true),
            report: report)
    }
}

/// The demo files written to a temporary directory for the assessment to read.
struct DemoAssetFiles {
    let directory: URL
    let model: URL
    let members: URL
    let nonMembers: URL
    let population: URL

    static func materialise() throws -> DemoAssetFiles {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("airisk-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ file: DemoAssets.File) throws -> URL {
            let url = dir.appendingPathComponent(file.name)
            try Data(file.bytes).write(to: url)
            return url
        }
        return DemoAssetFiles(
            directory: dir, model: try write(DemoAssets.model), members: try write(DemoAssets.members),
            nonMembers: try write(DemoAssets.nonMembers), population: try write(DemoAssets.population))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
