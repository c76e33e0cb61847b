import AIRiskAccess
import AIRiskAssessment
import AIRiskData
import AIRiskEndpoint
import AIRiskProbes
import AIRiskTensor
import Foundation
import Synchronization

extension ModelLoader {
    /// Trains the reference models of `--reference-cmd` with the user's own pipeline and reads them like a
    /// `--reference-models` directory.
    ///
    /// The target records are the members then the non-members, as the model takes them. Models are trained in
    /// pairs on the two halves of a seeded permutation, so each record is IN for half of them; model KK's split
    /// is written as `ref_KK.train.npz` (`x` as in the members file, `y` the labels or targets) with
    /// `ref_KK.members.txt`, and `COMMAND ref_KK.train.npz ref_KK.onnx` runs (up to `jobs` at once, each in a
    /// process group of its own, stopped at the timeout and when airisk stops; a failure is tried again
    /// `retries` times). A command that fails ends the run with its exit status and the end of its output.
    package func trainReferences(
        _ command: ReferenceCommand, for plan: AssessmentPlan, target: ModelDescription
    ) async throws -> ReferenceModelSet {
        let count = command.count ?? plan.profile.membership(seed: plan.seed, scoresAvailable: true).referenceModelCount
        let missing = plan.missingValues ?? (target.handlesMissingValues ? .keep : .reject)
        func load(_ source: AssessmentPlan.DataSource) throws -> Dataset {
            try DatasetLoader.load(
                url: source.url, labelColumn: source.labelColumn, labelsURL: source.labelsURL,
                missingValues: missing, columns: target.csvColumns)
        }
        let members = try load(plan.members)
        let nonMembers = try load(plan.nonMembers)
        guard members.rowShape == nonMembers.rowShape, let xm = members.features.floats,
            let xn = nonMembers.features.floats
        else {
            throw AssessmentError.badReferenceModels(
                source: "--reference-cmd",
                problem: "the members (rows \(members.rowShape)) and non-members (rows \(nonMembers.rowShape)) "
                    + "must hold numeric rows of one shape", fix: nil)
        }
        let n = members.rowCount + nonMembers.rowCount
        let x = xm + xn
        let y: Tensor
        if target.isClassifier {
            guard let a = members.wholeNumberClassLabels, let b = nonMembers.wholeNumberClassLabels else {
                throw AssessmentError.badReferenceModels(
                    source: "--reference-cmd", problem: "the members and non-members need class labels", fix: nil)
            }
            y = Tensor(shape: [n], int64: (a + b).map { Int64($0) })
        } else {
            guard let a = members.targets, let b = nonMembers.targets else {
                throw AssessmentError.badReferenceModels(
                    source: "--reference-cmd", problem: "the members and non-members need regression targets",
                    fix: nil)
            }
            y = Tensor(shape: [n], scalars: a + b)
        }
        let rowShape = members.rowShape
        let width = rowShape.reduce(1, *)

        var generator = SeededGenerator(seed: plan.seed &+ 0x5EF_C0DE)
        var splits: [[Int]] = []
        while splits.count < count {
            var order = Array(0..<n)
            order.shuffle(using: &generator)
            splits.append(Array(order[..<(n / 2)]).sorted())
            if splits.count < count { splits.append(Array(order[(n / 2)...]).sorted()) }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "airisk-references-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The models are read into memory (mapped files stay readable once unlinked) before the folder goes.
        defer { try? FileManager.default.removeItem(at: directory) }
        var jobs: [ReferenceTraining] = []
        for (k, rows) in splits.enumerated() {
            let name = String(format: "ref_%02d", k)
            var xs = [Float]()
            xs.reserveCapacity(rows.count * width)
            for r in rows { xs += x[(r * width)..<((r + 1) * width)] }
            let ys: Tensor =
                if let labels = y.int64s { Tensor(shape: [rows.count], int64: rows.map { labels[$0] }) } else {
                    Tensor(shape: [rows.count], scalars: rows.map { y.floats?[$0] ?? .nan })
                }
            let train = directory.appendingPathComponent("\(name).train.npz")
            try NPZWriter.write(["x": Tensor(shape: [rows.count] + rowShape, scalars: xs), "y": ys], to: train)
            try (rows.map(String.init).joined(separator: "\n") + "\n").write(
                to: directory.appendingPathComponent("\(name).members.txt"), atomically: true, encoding: .utf8)
            jobs.append(
                ReferenceTraining(
                    name: name, train: train, model: directory.appendingPathComponent("\(name).onnx"),
                    log: directory.appendingPathComponent("\(name).log")))
        }
        progress("training \(count) reference models with --reference-cmd (\(command.jobs) at once)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            for _ in 0..<min(max(command.jobs, 1), jobs.count) {
                let job = jobs[next]
                next += 1
                group.addTask { try await job.run(command) }
            }
            while try await group.next() != nil {
                if next < jobs.count {
                    let job = jobs[next]
                    next += 1
                    group.addTask { try await job.run(command) }
                }
            }
        }
        for job in jobs { try? FileManager.default.removeItem(at: job.train) }
        var set = try loadReferences(directory, inputShape: plan.inputShape)
        set.origin = "\(count) reference models trained by --reference-cmd `\(command.command)`"
        return set
    }
}

/// One reference model for `--reference-cmd`: its files and the run of the user's command on them.
struct ReferenceTraining: Sendable {
    var name: String
    var train: URL
    var model: URL
    var log: URL

    func run(_ command: ReferenceCommand) async throws {
        let attempts = max(command.retries, 0) + 1
        var failure = ""
        for attempt in 1...attempts {
            try? FileManager.default.removeItem(at: model)
            let shell =
                "\(command.command) \(Self.quoted(train.path)) \(Self.quoted(model.path)) > \(Self.quoted(log.path)) 2>&1"
            let process: SpawnedProcess
            do {
                process = try SpawnedProcess(shellCommand: shell)
            } catch {
                throw AssessmentError.badReferenceModels(
                    source: "--reference-cmd", problem: "cannot start `\(command.command)`: \(error)", fix: nil)
            }
            try? process.stdin.close()
            let timedOut = try await Self.wait(for: process, timeout: command.timeout)
            let status = process.terminationStatus
            process.stop()
            if !timedOut, status == 0, FileManager.default.fileExists(atPath: model.path) { return }
            let what =
                timedOut
                ? "did not finish within \(Int(command.timeout)) s (raise --reference-timeout)"
                : status == 0
                    ? "exited with status 0 but wrote no \(model.lastPathComponent)"
                    : "exited with status \(status.map(String.init) ?? "?")"
            failure =
                "`\(command.command) TRAIN.npz OUT.onnx` \(what) "
                + "(attempt \(attempt) of \(attempts))" + Self.tail(of: log)
        }
        throw AssessmentError.badReferenceModels(source: "reference model \(name)", problem: failure, fix: nil)
    }

    /// Waits until `process` ends, stopping its group at `timeout` or when the task is cancelled (Ctrl-C); true
    /// when the timeout stopped it. The wait runs on a thread of its own: on Swift's shared pool a busy process
    /// could keep it from ever looking at the clock.
    static func wait(for process: SpawnedProcess, timeout: Double) async throws -> Bool {
        let cancelled = Atomic<Bool>(false)
        let timedOut = await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
                let deadline = Date().addingTimeInterval(timeout)
                Thread {
                    var late = false
                    while process.isRunning {
                        if cancelled.load(ordering: .relaxed) { break }
                        if Date() > deadline {
                            late = true
                            break
                        }
                        usleep(20_000)
                    }
                    process.stop()
                    done.resume(returning: late)
                }.start()
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
        try Task.checkCancellation()
        return timedOut
    }

    /// The last lines of the command's output, for the error.
    static func tail(of log: URL) -> String {
        // Only the end is read, through a handle: FoundationEssentials' Data(contentsOf:) leaks its buffer on an
        // empty file.
        let size = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? UInt64) ?? 0
        guard size > 0, let handle = try? FileHandle(forReadingFrom: log) else { return "; it printed nothing" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: size > 2048 ? size - 2048 : 0)
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return "; it printed nothing" }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(12)
        return "; its output ended with:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    /// `text` as one single-quoted shell word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
