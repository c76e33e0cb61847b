import AIRiskAccess
import AIRiskAssessment
import AIRiskCatalog
import AIRiskData
import AIRiskLoader
import AIRiskProbes
import AIRiskReport
import AIRiskResults
import ArgumentParser
import Foundation

extension Profile: ExpressibleByArgument {}
extension AccessLevel: ExpressibleByArgument {}
extension MissingValuePolicy: ExpressibleByArgument {}

/// `airisk assess`: runs the probes on a model and its data and writes every report.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess how much a model leaks: membership inference, model inversion, model extraction.",
        discussion: """
            Writes report.html, results.xml (the canonical results, schema-valid), OSCAL assessment results, JSON, \
            SARIF and JUnit into --out, and prints a one-screen summary.

            Exit status: 0 when no finding is at or above --fail-on (or no gate was given); 2 when a finding is at \
            or above --fail-on; 1 when the assessment itself failed (bad model or data, unreadable files), when no \
            selected probe ran, or when --fail-on is given and a probe failed.
            """)

    @Option(help: "An assessment plan file (XML, validated against the bundled plan.xsd) instead of the flags below.")
    var plan: String?

    @Option(help: "The model: an ONNX file (or use --endpoint / --model-cmd).")
    var model: String?

    @OptionGroup(title: "Live model (instead of --model)") var live: EndpointOptions

    @Option(help: "Records the model was trained on (.npz, .npy or .csv with labels).")
    var members: String?

    @Option(help: "Records from the same distribution the model was not trained on.")
    var nonmembers: String?

    @Option(help: "More records from the same distribution, for shadow, reference and copy models (optional).")
    var population: String?

    @Option(
        help: ArgumentHelp(
            "Reference models you trained, for LiRA and RMIA (instead of models trained in-process).",
            discussion: "A directory of NAME.onnx files, each with NAME.members.txt: the 0-based rows of the target "
                + "records (--members then --nonmembers, in file order) it was trained on, one per line.",
            valueName: "dir"))
    var referenceModels: String?

    @Option(
        help: ArgumentHelp(
            "How in-process reference models are trained, when you know the target's recipe.",
            discussion: "\(ReferenceRecipe.syntax). Without it the profile picks the recipe whose reference model's "
                + "member and non-member losses come closest to the target's.",
            valueName: "recipe"))
    var referenceRecipe: String?

    @Option(
        help: ArgumentHelp(
            "Trains the reference models with your own pipeline: airisk runs `COMMAND TRAIN.npz OUT.onnx` once per model.",
            discussion: "TRAIN.npz holds x and y (as the members file) for one model's split of the members and "
                + "non-members; the command writes the trained model to OUT.onnx. Run by /bin/sh; for several steps, "
                + "call a script.",
            valueName: "command"))
    var referenceCmd: String?

    @Option(help: "With --reference-cmd: how many reference models (default: the profile's, quick 2, standard 16).")
    var referenceCount: Int?

    @Option(help: "With --reference-cmd: how many trainings run at once.")
    var referenceJobs: Int = 1

    @Option(help: "With --reference-cmd: seconds one training may take.")
    var referenceTimeout: Double = 3600

    @Option(help: "With --reference-cmd: how many times a failed training is tried again.")
    var referenceRetries: Int = 1

    @Option(help: "CSV label column (default: label); a multi-output regressor's target columns: t0,t1,t2.")
    var labelColumn: String?

    @Option(help: "Labels of --members (.npy or one-column .csv), when that file holds only features.")
    var membersLabels: String?

    @Option(help: "Labels of --nonmembers (.npy or one-column .csv), when that file holds only features.")
    var nonmembersLabels: String?

    @Option(help: "Labels of --population (.npy or one-column .csv), when that file holds only features.")
    var populationLabels: String?

    @Option(
        help: """
            NaN, infinite and empty data values: reject (an error naming file, row and column) or keep (used as \
            they are, with a warning). Default: keep for a model that handles missing values (tree ensembles such \
            as XGBoost and LightGBM, or an Imputer), reject otherwise.
            """)
    var missingValues: MissingValuePolicy?

    @Option(help: "Comma-separated probes: membership, inversion, extraction (default: all).")
    var probes: String = "membership,inversion,extraction"

    @OptionGroup var run: RunOptions

    @Option(help: "Sensitivity of the training data: low, medium or high (drives impact).")
    var dataSensitivity: DataSensitivity = .medium

    @Option(help: "How exposed the deployment is: public-api, internal or offline (adjusts impact, not likelihood).")
    var exposure: String = "internal"

    @Option(help: "Inversion: comma-separated target classes (default: all).")
    var classes: String?

    @Option(help: "Shape of one input row, e.g. 1,8,8, when the ONNX file does not declare it.")
    var inputShape: String?

    @Option(
        help: """
            Inversion: the image one flattened input row holds, H,W or H,W,C (channels last), e.g. 8,8 for \
            digits [N, 64]; reconstructions are rendered as pictures (default: inferred from the input shape).
            """)
    var imageShape: String?

    @Option(
        help: """
            Inversion on tabular data: guess this sensitive feature (column name or 0-based index) from a record's \
            other features, its label and the model's answers (attribute inference), against the guess from the \
            public data alone.
            """)
    var sensitiveFeature: String?

    @Option(
        help: """
            Inversion: what the ascent maximises for the target class, log-probability (log p_c, the default) or \
            logit-margin (log p_c over the strongest other class).
            """)
    var inversionObjective: String?

    @Option(help: "Maximum model queries (rows) per probe, overriding the profile.")
    var queryBudget: Int?

    @Option(
        help: """
            A differential-privacy ε the model is claimed to have (e.g. 8 for DP-SGD at ε = 8): checked against the \
            membership attacks' empirical ε lower bound, which can refute the claim but never confirm it.
            """)
    var claimedEpsilon: Double?

    @Option(
        help: """
            What the probes may see: white-box (scores and input gradients, from the file), scores (a prediction \
            API's answers, no gradients) or labels-only (only the predicted class).
            """)
    var access: AccessLevel?

    @Option(
        help: ArgumentHelp(
            "Defenses to measure: every selected probe re-runs behind each (comma-separated).",
            discussion: "Syntax: \(DefenseSpec.syntax).", valueName: "list"))
    var defenses: String?

    @Option(help: "Profile of the defense re-runs (default: --profile).")
    var defenseProfile: Profile?

    @Option(help: "Output directory (default: reports/<model>-<timestamp>/).")
    var out: String?

    @Option(help: "A risk policy file replacing the catalog's default policy.")
    var policy: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if plan == nil {
            guard members != nil, nonmembers != nil else {
                throw ValidationError("give --plan FILE, or --members and --nonmembers with a model")
            }
            try live.validate(model: model)
        }
        _ = try parsedProbes()
        guard ["public-api", "internal", "offline"].contains(exposure) else {
            throw ValidationError("--exposure must be public-api, internal or offline")
        }
        if let queryBudget, queryBudget <= 0 { throw ValidationError("--query-budget must be positive") }
        if let claimedEpsilon, !(claimedEpsilon.isFinite && claimedEpsilon >= 0) {
            throw ValidationError("--claimed-epsilon must be a finite ε ≥ 0, got \(claimedEpsilon)")
        }
        _ = try Self.integers(classes, "--classes")
        _ = try Self.inputShape(inputShape, "--input-shape")
        _ = try Self.imageShape(imageShape)
        _ = try Self.defenseList(defenses)
        if referenceCmd != nil, referenceModels != nil {
            throw ValidationError("give --reference-cmd or --reference-models, not both")
        }
        if let referenceCount, !(1...1024).contains(referenceCount) {
            throw ValidationError("--reference-count must be from 1 to 1024, got \(referenceCount)")
        }
        guard (1...64).contains(referenceJobs) else {
            throw ValidationError("--reference-jobs must be from 1 to 64, got \(referenceJobs)")
        }
        guard referenceTimeout.isFinite, referenceTimeout > 0, referenceTimeout <= 604_800 else {
            throw ValidationError("--reference-timeout must be from 0 to 604800 s, got \(referenceTimeout)")
        }
        guard (0...10).contains(referenceRetries) else {
            throw ValidationError("--reference-retries must be from 0 to 10, got \(referenceRetries)")
        }
        if let referenceCmd, referenceCmd.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reference-cmd is empty; give the command that trains one model")
        }
        if let referenceRecipe {
            do {
                _ = try ReferenceRecipe.parse(referenceRecipe, defaults: ReferenceRecipe(epochs: 1))
            } catch {
                guard case .badRecipeEntry(let entry, let requirement) = error else {
                    throw ValidationError(error.description)
                }
                throw ValidationError("--reference-recipe: \(entry) — \(requirement); \(ReferenceRecipe.syntax)")
            }
        }
        if populationLabels != nil, population == nil {
            throw ValidationError("--population-labels needs --population")
        }
        try InputPath.checkFiles([
            ("--plan", plan), ("--model", model), ("--members", members), ("--nonmembers", nonmembers),
            ("--population", population), ("--members-labels", membersLabels),
            ("--nonmembers-labels", nonmembersLabels), ("--population-labels", populationLabels),
            ("--policy", policy),
        ])
    }

    /// `--input-shape`: comma-separated dimensions, each at least 1, at most
    /// ``AssessmentPlan/maxRowElements`` values in all.
    static func inputShape(_ s: String?, _ flag: String) throws -> [Int]? {
        guard let shape = try integers(s, flag) else { return nil }
        do {
            try AssessmentPlan.checkInputShape(shape, field: flag)
        } catch {
            throw ValidationError(error.description)
        }
        return shape
    }

    /// `--image-shape H,W[,C]`.
    static func imageShape(_ s: String?) throws -> [Int]? {
        guard let shape = try integers(s, "--image-shape") else { return nil }
        do {
            try AssessmentPlan.checkImageShape(shape, field: "--image-shape")
        } catch {
            throw ValidationError(error.description)
        }
        return shape
    }

    /// The `--defenses` list, or an empty list when none was given.
    static func defenseList(_ text: String?) throws -> [DefenseSpec] {
        guard let text else { return [] }
        do {
            return try DefenseSpec.parseList(text)
        } catch {
            throw ValidationError("--defenses: \(error.description)")
        }
    }

    func parsedProbes() throws -> [ProbeKind] {
        let names = probes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("--probes is empty") }
        return try names.map { n in
            guard let p = ProbeKind(rawValue: n) else {
                throw ValidationError("unknown probe '\(n)'; choose from membership, inversion, extraction")
            }
            return p
        }
    }

    static func integers(_ s: String?, _ flag: String) throws -> [Int]? {
        guard let s else { return nil }
        return try s.split(separator: ",").map {
            guard let v = Int($0.trimmingCharacters(in: .whitespaces)), v >= 0 else {
                throw ValidationError("\(flag) takes comma-separated non-negative integers, not '\(s)'")
            }
            return v
        }
    }

    func run() async throws {
        var plan: AssessmentPlan
        var source: ModelSource?
        if let file = self.plan {
            plan = try PlanDocument.read(contentsOf: URL(fileURLWithPath: file))
        } else if let members, let nonmembers {
            plan = AssessmentPlan(
                modelURL: URL(fileURLWithPath: model ?? live.stem),
                members: .init(
                    url: URL(fileURLWithPath: members), labelColumn: labelColumn,
                    labelsURL: membersLabels.map { URL(fileURLWithPath: $0) }),
                nonMembers: .init(
                    url: URL(fileURLWithPath: nonmembers), labelColumn: labelColumn,
                    labelsURL: nonmembersLabels.map { URL(fileURLWithPath: $0) }),
                population: population.map {
                    .init(
                        url: URL(fileURLWithPath: $0), labelColumn: labelColumn,
                        labelsURL: populationLabels.map { URL(fileURLWithPath: $0) })
                },
                probes: try parsedProbes(), profile: run.profile, seed: run.seed, dataSensitivity: dataSensitivity,
                classes: try Self.integers(classes, "--classes"),
                inputShape: try Self.inputShape(inputShape, "--input-shape"),
                queryBudget: queryBudget)
            plan.access = access
            plan.exposure = exposure
            plan.missingValues = missingValues
            try plan.validate(origin: "the command line")
            source = try live.source()
        } else {
            throw ValidationError("give --plan FILE, or --members and --nonmembers with a model")
        }
        plan.defenses = try Self.defenseList(defenses)
        if let shape = try Self.imageShape(imageShape) { plan.imageShape = shape }
        plan.sensitiveFeature = sensitiveFeature ?? plan.sensitiveFeature
        if let inversionObjective {
            guard let objective = InversionConfiguration.Objective(rawValue: inversionObjective) else {
                throw ValidationError(
                    "--inversion-objective '\(inversionObjective)' is not one of: "
                        + InversionConfiguration.Objective.allCases.map(\.rawValue).joined(separator: ", "))
            }
            plan.inversionObjective = objective
        }
        plan.referenceRecipe = referenceRecipe ?? plan.referenceRecipe
        if let referenceModels { plan.referenceModels = URL(fileURLWithPath: referenceModels, isDirectory: true) }
        if let referenceCmd {
            plan.referenceCommand = ReferenceCommand(
                command: referenceCmd, count: referenceCount, jobs: referenceJobs, timeout: referenceTimeout,
                retries: referenceRetries)
        }
        plan.defenseProfile = defenseProfile
        plan.claimedEpsilon = claimedEpsilon ?? plan.claimedEpsilon
        let catalog = try policy.map { try Catalog.bundled(policy: URL(fileURLWithPath: $0)) } ?? Catalog.bundled()
        let directory =
            out.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? Self.defaultDirectory(model: model ?? (self.plan == nil ? live.stem : plan.modelURL.path))
        try await Self.execute(plan: plan, source: source, catalog: catalog, directory: directory, report: report)
    }

    static func defaultDirectory(model: String) -> URL {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd-HHmmss"
        f.timeZone = TimeZone(identifier: "UTC")
        let stem = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        return URL(fileURLWithPath: "reports/\(stem)-\(f.string(from: Date()))", isDirectory: true)
    }

    /// Resolves the model at `source` (the plan's model file when nil) with the ``ModelLoader``, runs the plan
    /// on it, writes every report, prints the summary and applies the gate.
    static func execute(
        plan: AssessmentPlan, source: ModelSource? = nil, catalog: Catalog, directory: URL, report: ReportOptions
    ) async throws {
        // An unusable --out is found now, not after the whole assessment.
        try OutputFolderError.check(directory)
        let progress = ProgressPrinter()
        let assessor = Assessor(
            catalog: catalog, progress: { progress($0) },
            probeProgress: { progress.update(probe: $0.rawValue, fraction: $1) })
        let loader = ModelLoader(progress: { progress($0) })
        let gate = report.failOn?.severity
        let options = try report.writerOptions()
        // The reports are written inside the Ctrl-C scope too: a second Ctrl-C while they are written quits
        // (status 130) and leaves the folder as it was, since they are moved in place only once all are written.
        let (results, written) = try await Interruption.run {
            var results = try await assessor.run(plan, model: loader.resolve(source, for: plan))
            results.gate = gate
            progress("writing reports to \(directory.path)")
            let written = try ReportWriter.write(
                results, formats: ReportFormat.allCases, to: directory, options: options)
            return (results, written)
        }
        TerminalOutput.write(AssessmentSummary.render(results, written: written, gate: report.failOn))
        let code = Gate.exitCode(results, gate: report.failOn)
        if code != 0 { throw ExitCode(code) }
    }
}
