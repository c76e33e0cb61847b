// `airisk-bench lira`: the membership probe's LiRA and RMIA (online and offline) with the standard profile's
// reference-model settings on the overfit digits MLP; scripts/bench.sh puts it beside scripts/bench_lira.py.
import AIRiskAccess
import AIRiskData
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
    var models = 16
    var epochs = 150
    var seed: UInt64 = 0
    var hidden = [64]
    var l2: Float = 0
    var it = arguments.makeIterator()
    while let a = it.next() {
        switch a {
        case "--models-dir": if let v = it.next() { directory = URL(fileURLWithPath: v) }
        case "--model": if let v = it.next() { name = v }
        case "--runs": if let v = it.next(), let n = Int(v) { runs = n }
        case "--reference-models": if let v = it.next(), let n = Int(v) { models = n }
        case "--epochs": if let v = it.next(), let n = Int(v) { epochs = n }
        case "--seed": if let v = it.next(), let n = UInt64(v) { seed = n }
        case "--hidden": if let v = it.next() { hidden = v.split(separator: ",").compactMap { Int($0) } }
        case "--l2": if let v = it.next(), let x = Float(v) { l2 = x }
        default: throw BenchError.data("unknown argument \(a)")
        }
    }
    let clock = ContinuousClock()
    let loadStart = clock.now
    let access = try ONNXModelAccess(
        model: try ONNXModel.load(contentsOf: directory.appendingPathComponent(name + ".onnx")))
    let members = try labeledFixture(directory.appendingPathComponent(name + ".members.npz"))
    let nonMembers = try labeledFixture(directory.appendingPathComponent(name + ".nonmembers.npz"))
    let population = try labeledFixture(directory.appendingPathComponent(name + ".population.npz"))
    let loadTime = clock.now - loadStart
    var config = MembershipProbeConfiguration(seed: seed)
    config.attacks = [.liraOnline, .liraOffline, .rmiaOnline, .rmiaOffline]
    config.referenceModelCount = models
    config.hiddenSizes = hidden
    config.epochs = epochs
    config.l2 = l2
    print(
        "airisk LiRA: \(name), \(members.count) members, \(nonMembers.count) non-members, "
            + "\(models) reference models, hidden \(hidden), \(epochs) epochs, L2 \(l2), \(ProcessInfo.processInfo.activeProcessorCount) "
            + "cores; loading took \(String(format: "%.3f", seconds(loadTime))) s")
    for run in 0..<runs {
        let start = clock.now
        let result = try await MembershipProbe(configuration: config).run(
            model: access, members: members, nonMembers: nonMembers, population: population)
        let wall = seconds(clock.now - start)
        var parts = ["run \(run + 1): \(String(format: "%.2f", wall)) s"]
        for a in result.attacks {
            let tpr = a.metrics.lowFPR.first { abs($0.targetFPR - 0.01) < 1e-9 }?.tpr.estimate ?? .nan
            let auc = String(format: "%.4f", a.metrics.auc)
            parts.append("\(a.attack.rawValue) AUC \(auc) TPR@1%FPR \(String(format: "%.3f", tpr))")
        }
        print("AIRISK_LIRA " + parts.joined(separator: "; "))
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
