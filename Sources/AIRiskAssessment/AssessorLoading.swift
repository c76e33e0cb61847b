import AIRiskAccess
import AIRiskData
import AIRiskProbes
import AIRiskResults
import AIRiskTensor
import Foundation

extension Assessor {
    /// Loads the data sets for the resolved `model`, checking that they fit it.
    func load(_ plan: AssessmentPlan, model: ResolvedModel) throws -> Inputs {
        var access = model.access
        let name = model.identity.name
        var desc = access.description
        if let shape = plan.imageShape, plan.probes.contains(.inversion), shape.reduce(1, *) != desc.featureCount {
            throw AssessmentError.badSetting(
                setting: "--image-shape (imageShape)", value: shape.map(String.init).joined(separator: ","),
                requirement: "it holds \(shape.reduce(1, *)) values but \(name) takes rows of \(desc.featureCount) "
                    + "features: give H,W[,C] with H × W × C = \(desc.featureCount)")
        }

        if let texts = try Self.freeTexts(plan, description: desc) {
            guard let textual = access as? any FreeTextModel else {
                throw AssessmentError.badData(
                    file: plan.members.url.path,
                    problem: "\(name) takes free text, but its access cannot be told the data's texts",
                    fix: "assess the ONNX file itself (--model)")
            }
            access = textual.indexingTexts(texts)
            desc = access.description
            let counts = texts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.count)" }
            progress(
                "note: \(name) reads free text: each distinct text of the data is one value of its column (by "
                    + "column: \(counts.joined(separator: ", "))); extraction queries resample these texts")
        }

        var records: [DataSetRecord] = []
        var featureNames: [String] = []
        let missingValues = plan.missingValues ?? (desc.handlesMissingValues ? .keep : .reject)
        let byModel = plan.missingValues == nil && missingValues == .keep
        func read(_ source: AssessmentPlan.DataSource, _ role: DataSetRecord.Role) throws -> LabeledData {
            let ds = try DatasetLoader.load(
                url: source.url, labelColumn: source.labelColumn, labelsURL: source.labelsURL,
                missingValues: missingValues, columns: desc.csvColumns)
            Self.warnAboutNonFinite(ds, keptBecauseModelHandlesThem: byModel, progress: progress)
            Self.warnAboutColumns(ds, progress: progress)
            let width = ds.rowShape.reduce(1, *)
            guard width == desc.featureCount else {
                throw AssessmentError.badData(
                    file: source.url.path,
                    problem:
                        "rows have \(width) features but \(name) expects \(desc.featureCount) (input rows of shape "
                        + "\(desc.inputShape))" + Self.labelColumnHint(ds, width: width, expected: desc.featureCount),
                    fix: nil)
            }
            guard let values = ds.features.floats else {
                throw AssessmentError.badData(file: source.url.path, problem: "features are not numeric", fix: nil)
            }
            let features = Tensor(shape: [ds.rowCount] + desc.inputShape, scalars: values)
            if role == .members, desc.outputKind == .logits, ds.targetWidth > 1, ds.targetWidth == desc.outputWidth,
                ds.labels?.floats != nil
            {
                // Float targets of width k against k unnormalised outputs: a k-output regressor, not k classes.
                access = RegressionOutputModel(base: access)
                desc = access.description
                progress(
                    "note: \(source.url.path) holds \(ds.targetWidth) float targets per row and \(name) answers "
                        + "\(desc.outputWidth) unnormalised values: the model is read as a regressor with "
                        + "\(desc.outputWidth) outputs")
            }
            let data: LabeledData
            if desc.isClassifier {
                guard let labels = ds.wholeNumberClassLabels else {
                    throw Self.missingLabelsError(ds, source: source)
                }
                let classes = desc.outputWidth
                if classes > 0, let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
                    let shown =
                        ds.classNames.flatMap { names in names.indices.contains(bad) ? names[bad] : nil }
                        .map { Int($0) == nil ? "'\($0)' (read as class \(bad))" : $0 } ?? "\(bad)"
                    throw AssessmentError.badData(
                        file: source.url.path, problem: "label \(shown) is outside the model's \(classes) classes",
                        fix: "labels must be class indices 0…\(classes - 1)")
                }
                data = try LabeledData(features: features, labels: labels)
            } else {
                guard let targets = ds.labels?.floats ?? ds.labels?.int64s?.map({ Float($0) }) else {
                    throw AssessmentError.badData(
                        file: source.url.path, problem: "no regression targets found",
                        fix: "give --label-column, or a y array in the .npz")
                }
                let k = max(ds.targetWidth, 1)
                guard k == max(desc.outputWidth, 1) else {
                    throw AssessmentError.badData(
                        file: source.url.path,
                        problem: "\(k) regression target(s) per row but \(name) has \(desc.outputWidth) output(s)",
                        fix: "give targets of shape [rows, \(desc.outputWidth)]")
                }
                data = try LabeledData(features: features, labels: [], targets: targets)
            }
            if featureNames.isEmpty { featureNames = ds.featureNames }
            records.append(
                DataSetRecord(
                    role: role, file: source.url.path, sha256: try SHA256.hex(contentsOf: source.url),
                    rows: ds.rowCount,
                    features: width))
            return data
        }
        let members = try read(plan.members, .members)
        let nonMembers = try read(plan.nonMembers, .nonmembers)
        let population = try plan.population.map { try read($0, .population) }

        // The user's reference models are checked now, so a bad one ends the assessment before any probe runs.
        if let references = model.references {
            guard !references.models.isEmpty else {
                throw AssessmentError.badReferenceModels(
                    source: references.origin, problem: "no reference model found",
                    fix: "give at least one NAME.onnx with NAME.members.txt (the 0-based rows of the members then "
                        + "non-members it was trained on)")
            }
            do {
                for m in references.models {
                    try m.validate(target: desc, recordCount: members.count + nonMembers.count)
                }
            } catch {
                throw AssessmentError.badReferenceModels(
                    source: references.origin, problem: error.description, fix: nil)
            }
        }
        if let sensitive = plan.sensitiveFeature, plan.probes.contains(.inversion) {
            _ = try Self.featureIndex(sensitive, names: featureNames, width: members.rowWidth)
        }
        var identity = model.identity
        identity.outputKind = desc.outputKind.rawValue
        return Inputs(
            access: access, members: members, nonMembers: nonMembers, population: population,
            featureNames: featureNames, records: records, architecture: model.architecture,
            identity: identity, remoteUsage: model.usage, storedRows: model.storedRows,
            references: model.references)
    }

    /// The distinct texts of the model's free-text columns over members, non-members and population (in that
    /// order of first appearance), or nil when the model has none. The texts are read from CSV files only: an
    /// array file holds indices, and nothing says which texts they stand for.
    static func freeTexts(_ plan: AssessmentPlan, description: ModelDescription) throws -> [String: [String]]? {
        let columns = (description.inputColumns ?? []).compactMap { column -> String? in
            if case .text = column.domain { return column.name }
            return nil
        }
        guard !columns.isEmpty else { return nil }
        var texts: [String: [String]] = [:]
        for source in [plan.members, plan.nonMembers] + (plan.population.map { [$0] } ?? []) {
            guard source.url.pathExtension.lowercased() == "csv" else {
                throw AssessmentError.badData(
                    file: source.url.path,
                    problem:
                        "\(description.name) takes free text (column \(columns.joined(separator: ", "))); an array "
                        + "file holds no texts",
                    fix: "give a CSV file with that column, as DataFrame.to_csv writes it")
            }
            try CSVReader.collectTexts(contentsOf: source.url, columns: columns, into: &texts)
        }
        return texts
    }

    /// The column `--sensitive-feature` names: a column name of the data, or a 0-based index below `width`.
    static func featureIndex(_ text: String, names: [String], width: Int) throws -> Int {
        if let i = names.firstIndex(of: text) { return i }
        if let i = Int(text), i >= 0, i < width { return i }
        let known =
            names.isEmpty
            ? "" : " (columns: \(names.prefix(12).joined(separator: ", "))\(names.count > 12 ? ", …" : ""))"
        throw AssessmentError.badSetting(
            setting: "--sensitive-feature (sensitiveFeature)", value: "'\(text)'",
            requirement:
                "it is neither a column of the data\(known) nor an index in 0..<\(width): give a column name as "
                + "in the CSV header or a 0-based column number")
    }

    /// Under `--missing-values keep`, says how many values are NaN or infinite: they are used, never silently.
    static func warnAboutNonFinite(
        _ ds: Dataset, keptBecauseModelHandlesThem byModel: Bool = false, progress: (String) -> Void
    ) {
        guard ds.nonFiniteCount > 0 else { return }
        let columns = ds.nonFiniteColumns.map { "\($0.column): \($0.count)" }.joined(separator: ", ")
        let why =
            byModel
            ? "kept: the model handles missing values, as a tree ensemble or an Imputer does; --missing-values reject "
                + "refuses them"
            : "--missing-values keep"
        progress(
            "warning: \(ds.source): \(ds.nonFiniteCount) NaN, infinite or empty values are used as they are "
                + "(\(why))\(columns.isEmpty ? "" : " (by column: \(columns))"); the model answers them as it does "
                + "in production, and airisk's own trained models read them as the column's mean")
    }

    /// For a CSV matched to a model's named inputs: says which columns were left out and which text values are
    /// categories the model does not know (it sees them as unknown, as it would in production).
    static func warnAboutColumns(_ ds: Dataset, progress: (String) -> Void) {
        if !ds.unusedColumns.isEmpty {
            progress(
                "note: \(ds.source): the columns \(ds.unusedColumns.joined(separator: ", ")) are not inputs of the "
                    + "model and are left out")
        }
        if !ds.unknownCategories.isEmpty {
            let columns = ds.unknownCategories.map { "\($0.column): \($0.count)" }.joined(separator: ", ")
            progress(
                "warning: \(ds.source): values that are none of the model's categories are sent as an unknown "
                    + "category (by column: \(columns))")
        }
    }

    /// For a CSV read without labels whose extra column looks like the labels (`target`, `class`, `y`, …):
    /// "; the column 'target' looks like the labels: add --label-column target".
    static func labelColumnHint(_ ds: Dataset, width: Int, expected: Int) -> String {
        guard ds.labels == nil, let column = ds.plausibleLabelColumn else { return "" }
        let fits = width == expected + 1 ? " (without it the rows have \(expected) features)" : ""
        return "; the column '\(column)' looks like the labels\(fits): add --label-column \(column) "
            + "(labelColumn=\"\(column)\" in a plan)"
    }

    /// Why a classifier's data set has no usable labels, and where labels can come from.
    static func missingLabelsError(_ ds: Dataset, source: AssessmentPlan.DataSource) -> AssessmentError {
        let file = source.url.path
        if let floats = ds.labels?.floats {
            let bad = floats.first { !($0.isFinite && $0.rounded() == $0) } ?? 0
            return .badData(
                file: file, problem: "the labels are not whole numbers (e.g. \(bad))",
                fix: "a classifier needs class indices 0, 1, 2, …")
        }
        if let column = ds.plausibleLabelColumn {
            return .badData(
                file: file, problem: "no class labels found; the column '\(column)' looks like the labels",
                fix: "add --label-column \(column)")
        }
        return .badData(
            file: file, problem: "no class labels found",
            fix: "use an .npz with a 'y' array, a CSV 'label' column (or --label-column NAME), or a labels file "
                + "beside features-only data (--members-labels, --nonmembers-labels, --population-labels)")
    }
}
