// `airisk-bench lira`: the membership probe's LiRA and RMIA (online and offline) on the overfit digits MLP, as
// `airisk assess --probes membership` runs them; scripts/bench.sh puts it beside scripts/bench_lira.py.
//
//   airisk-bench lira [--seed N] [--runs N]       in-process reference models, the standard profile's membership
//                                                 configuration (recipe calibration, 16 models, the target's
//                                                 architecture and input scaling), as `assess --profile standard`
//   airisk-bench lira --references DIR [--runs N] the reference models in DIR (NAME.onnx + NAME.members.txt), as
//                                                 `assess --reference-models DIR`; the time includes loading them
import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskLoader
import AIRiskONNX
import AIRiskProbes
import AIRiskTensor
import Foundation

func labeledFixture(_ url: URL) throws -> LabeledData {
    let ds = try DatasetLoader.load(url: url)
    guard let labels = ds.classLabels else { throw BenchError.data("\(url.path): no integer labels") }
    return try LabeledData(features: ds.features, labels: labels)
}

func benchLiRA(arguments: [String]) async throws {
    var directory = URL(fileURLWithPath: "Tests/Fixtures/models")
    var name = "mlp_digits_overfit"
    var runs = 1
    var profile = Profile.standard
    var models: Int?
    var epochs: Int?
    var l2: Float?
    var hidden: [Int]?
    var seed: UInt64 = 0
    var references: URL?
    var it = arguments.makeIterator()
    while let a = it.next() {
        switch a {
        case "--models-dir": if let v = it.next() { directory = URL(fileURLWithPath: v) }
        case "--model": if let v = it.next() { name = v }
        case "--runs": if let v = it.next(), let n = Int(v) { runs = n }
        case "--profile":
            guard let v = it.next(), let p = Profile(rawValue: v) else {
                throw BenchError.data("--profile takes quick, standard or thorough")
            }
            profile = p
        case "--reference-models": if let v = it.next(), let n = Int(v) { models = n }
        // --epochs / --l2 fix the recipe (as `--reference-recipe` does: no calibration); --hidden replaces the
        // target's architecture.
        case "--epochs": if let v = it.next(), let n = Int(v) { epochs = n }
        case "--l2": if let v = it.next(), let x = Float(v) { l2 = x }
        case "--hidden": if let v = it.next() { hidden = v.split(separator: ",").compactMap { Int($0) } }
        case "--seed": if let v = it.next(), let n = UInt64(v) { seed = n }
        case "--references": if let v = it.next() { references = URL(fileURLWithPath: v) }
        default: throw BenchError.data("unknown argument \(a)")
        }
    }
    let clock = ContinuousClock()
    let loadStart = clock.now
    let loader = ModelLoader()
    let target = try loader.resolveFile(directory.appendingPathComponent(name + ".onnx"), hashing: false)
    let members = try labeledFixture(directory.appendingPathComponent(name + ".members.npz"))
    let nonMembers = try labeledFixture(directory.appendingPathComponent(name + ".nonmembers.npz"))
    let population = try labeledFixture(directory.appendingPathComponent(name + ".population.npz"))
    let loadTime = clock.now - loadStart
    let attacks: [MembershipAttack] = [.liraOnline, .liraOffline, .rmiaOnline, .rmiaOffline]
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let loaded = "loading the target and data took \(String(format: "%.3f", seconds(loadTime))) s"

    if let references {
        // MembershipAssessmentProbe with `--reference-models`: the profile's other fields do not touch LiRA or
        // RMIA on supplied models.
        print(
            "airisk LiRA/RMIA on supplied references: \(name), \(members.count) members, \(nonMembers.count) "
                + "non-members, \(population.count) population rows, references \(references.path), \(cores) cores; "
                + loaded)
        for run in 0..<runs {
            let start = clock.now
            var config = profile.membership(seed: seed, scoresAvailable: true)
            config.attacks = attacks
            config.suppliedReferences = try loader.loadReferences(references)
            let result = try await MembershipProbe(configuration: config).run(
                model: target.access, members: members, nonMembers: nonMembers, population: population)
            let wall = seconds(clock.now - start)
            print(
                "AIRISK_REFS run \(run + 1): \(String(format: "%.3f", wall)) s; "
                    + "models \(result.referenceModelCount); " + figures(result))
        }
        return
    }

    // MembershipAssessmentProbe.run for an assessment: the profile's configuration, the target's architecture
    // and input scaling when the graph shows them.
    var config = profile.membership(seed: seed, scoresAvailable: true)
    config.attacks = attacks
    if let architecture = target.architecture {
        config.hiddenSizes = architecture.hiddenSizes
        config.rawInputs = !architecture.scalesInputs
    }
    if let models { config.referenceModelCount = models }
    if let hidden { config.hiddenSizes = hidden }
    if epochs != nil || l2 != nil {
        config.referenceRecipe = ReferenceRecipe(
            epochs: epochs ?? config.epochs, l2: l2 ?? config.l2, learningRate: config.learningRate,
            batchSize: config.batchSize)
    }
    let candidates = config.referenceRecipeCandidates.map { "\($0.epochs)/\($0.l2)" }.joined(separator: ", ")
    print(
        "airisk LiRA/RMIA, \(profile.rawValue) profile: \(name), \(members.count) members, \(nonMembers.count) "
            + "non-members, \(population.count) population rows, \(config.referenceModelCount) reference models, "
            + "hidden \(config.hiddenSizes), \(config.rawInputs ? "raw" : "standardised") inputs, "
            + (config.referenceRecipe.map { "recipe \($0)" } ?? "recipe candidates (epochs/L2) \(candidates)")
            + ", \(cores) cores; " + loaded)
    for run in 0..<runs {
        let start = clock.now
        let result = try await MembershipProbe(configuration: config).run(
            model: target.access, members: members, nonMembers: nonMembers, population: population)
        let wall = seconds(clock.now - start)
        let recipe =
            result.referenceRecipeMatch.map {
                "recipe \($0.recipe.epochs) epochs L2 \($0.recipe.l2) (\($0.matched ? "matched" : "not matched"); "
                    + "reference IN/OUT loss \(g($0.referenceMemberLoss))/\(g($0.referenceNonMemberLoss)), target "
                    + "member/non-member \(g($0.targetMemberLoss))/\(g($0.targetNonMemberLoss)))"
            } ?? "recipe \(config.referenceRecipe.map { "\($0.epochs) epochs L2 \($0.l2) (given)" } ?? "fixed")"
        print("AIRISK_LIRA run \(run + 1): \(String(format: "%.3f", wall)) s; \(recipe); " + figures(result))
    }
}

/// "RMIA a 0.0; lira-online AUC 0.7616 TPR@1%FPR 0.210; …" for every attack that ran (RMIA's offline a as its
/// notes give it).
func figures(_ result: MembershipResult) -> String {
    let a = result.result(for: .rmiaOffline)?.notes.lazy.compactMap { note -> String? in
        guard let range = note.range(of: "offline: a = ") else { return nil }
        return String(note[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }.first
    let attacks = result.attacks.map { a in
        let tpr = a.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }?.tpr.estimate ?? .nan
        return "\(a.attack.rawValue) AUC \(String(format: "%.4f", a.metrics.auc)) TPR@1%FPR "
            + String(format: "%.3f", tpr)
    }
    return ((a.map { ["RMIA a \($0)"] } ?? []) + attacks).joined(separator: "; ")
}

/// Four significant digits, as Python's `:.4g`.
func g(_ x: Double) -> String { String(format: "%.4g", x) }

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
