import AIRiskSupport
import AIRiskTensor
import Foundation

/// Loads a ``Dataset`` from a .npy, .npz or .csv file, choosing the reader by the file extension.
package enum DatasetLoader {
    /// The .npz keys tried, in order, when no features key is given.
    package static let defaultFeatureKeys = ["x", "X", "features"]
    /// The .npz keys tried, in order, when no labels key is given.
    package static let defaultLabelKeys = ["y", "Y", "labels"]
    /// The CSV label column used when none is given (a file without it is read without labels).
    package static let defaultLabelColumn = "label"

    /// Loads the data set at `url`.
    /// - Parameters:
    ///   - labelColumn: CSV only: the label column's header name. nil means "label" if the header has it,
    ///     otherwise no labels; a name given explicitly must exist.
    ///   - featuresKey: .npz only: the features array. nil tries ``defaultFeatureKeys``.
    ///   - labelsKey: .npz only: the labels array. nil tries ``defaultLabelKeys`` and reads no labels if none
    ///     exists; a key given explicitly must exist.
    ///   - labelsURL: a .npy or .csv file holding one label per row, beside a features-only data file (a .npy, an
    ///     .npz without a labels array, or a CSV without a label column).
    ///   - labelEncoding: CSV only: how label values become class indices, or that they are regression targets.
    ///   - missingValues: whether NaN, infinite and (CSV) empty values are an error or passed through; the same
    ///     for every format.
    ///   - columns: CSV only: the feature columns a model takes by name (see ``CSVColumnSelection``). Arrays
    ///     (.npy, .npz) hold the row as the model takes it, categories as their indices.
    package static func load(
        url: URL, labelColumn: String? = nil, featuresKey: String? = nil, labelsKey: String? = nil,
        labelsURL: URL? = nil, labelEncoding: LabelEncoding = .automatic, missingValues: MissingValuePolicy = .reject,
        columns: CSVColumnSelection? = nil, limits: DataLimits = .standard
    ) throws -> Dataset {
        var dataset = try loadFeatures(
            url: url, labelColumn: labelColumn, featuresKey: featuresKey, labelsKey: labelsKey,
            labelEncoding: labelEncoding, missingValues: missingValues, columns: columns, limits: limits)
        if let labelsURL {
            if dataset.labels != nil {
                throw DataError.inconsistentDataset(
                    source: dataset.source,
                    reason: "it holds labels already, and labels were also given in \(labelsURL.path); give one of them"
                )
            }
            let (labels, names) = try LabelsFile.read(
                contentsOf: labelsURL, encoding: labelEncoding, missingValues: missingValues, limits: limits)
            let source = "\(dataset.source) with labels from \(labelsURL.path)"
            var joined = try assemble(features: dataset.features, labels: labels, source: source)
            joined.classNames = names
            joined.featureNames = dataset.featureNames
            joined.nonFiniteCount = dataset.nonFiniteCount + (labels.floats?.filter { !$0.isFinite }.count ?? 0)
            joined.nonFiniteColumns = dataset.nonFiniteColumns
            joined.unknownCategories = dataset.unknownCategories
            joined.unusedColumns = dataset.unusedColumns
            dataset = joined
        }
        return dataset
    }

    private static func loadFeatures(
        url: URL, labelColumn: String?, featuresKey: String?, labelsKey: String?, labelEncoding: LabelEncoding,
        missingValues: MissingValuePolicy, columns: CSVColumnSelection?, limits: DataLimits
    ) throws -> Dataset {
        switch url.pathExtension.lowercased() {
        case "npy":
            let features = try NPYReader.read(contentsOf: url, limits: limits)
            return try checked(assemble(features: features, labels: nil, source: url.path), url, missingValues)
        case "npz":
            let archive = try NPZArchive(contentsOf: url, limits: limits)
            let xKey =
                try featuresKey ?? defaultFeatureKeys.first(where: archive.contains)
                ?? {
                    throw DataError.missingArray(
                        file: url.path, key: defaultFeatureKeys.joined(separator: "' or '"), available: archive.keys)
                }()
            let yKey = labelsKey ?? defaultLabelKeys.first(where: archive.contains)
            let features = try archive.array(xKey)
            let labels = try yKey.map { try archive.array($0) }
            let source = "\(url.path) (" + ([xKey] + (yKey.map { [$0] } ?? [])).joined(separator: ", ") + ")"
            return try checked(assemble(features: features, labels: labels, source: source), url, missingValues)
        case "csv":
            var column = labelColumn
            if column == nil, try csvHeaderContains(url: url, name: defaultLabelColumn, limits: limits) {
                column = defaultLabelColumn
            }
            return try CSVReader.read(
                contentsOf: url, labelColumn: column, labelEncoding: labelEncoding, missingValues: missingValues,
                columns: columns, limits: limits)
        default:
            throw DataError.unsupportedFormat(
                file: url.path, reason: "expected a .npy, .npz or .csv file, not '.\(url.pathExtension)'")
        }
    }

    /// Builds a data set from arrays: features become Float32 with at least two dimensions; labels become
    /// Int64 class indices (integer or bool arrays) or Float32 targets (float arrays), one per row.
    package static func assemble(features: Tensor, labels: Tensor?, source: String) throws -> Dataset {
        var x = try floatFeatures(features, source: source)
        if x.shape.count == 1 { x = Tensor(shape: [x.shape[0], 1], storage: x.storage) }
        var y: Tensor?
        if var labels {
            if labels.shape.count == 2, labels.shape[1] == 1 { labels.shape = [labels.shape[0]] }
            // Float targets of shape [rows, k]: a multi-output regressor's k targets per row.
            let multiOutput = labels.shape.count == 2 && labels.shape[1] > 1 && labels.floats != nil
            guard labels.shape.count == 1 || multiOutput else {
                throw DataError.inconsistentDataset(
                    source: source,
                    reason: "labels have shape \(labels.shape); expected one label per row, shape [\(x.shape[0])]"
                        + (labels.shape.count == 2
                            ? ", or float regression targets of shape [\(x.shape[0]), k] (class labels are one "
                                + "integer per row)" : ""))
            }
            guard labels.shape[0] == x.shape[0] else {
                throw DataError.inconsistentDataset(
                    source: source,
                    reason: "\(x.shape[0]) feature rows but \(labels.shape[0]) labels")
            }
            switch labels.storage {
            case .int64, .float: y = labels
            case .double(let v): y = Tensor(shape: labels.shape, scalars: v.map { Float($0) })
            case .bool(let v): y = Tensor(shape: labels.shape, int64: v.map { $0 ? 1 : 0 })
            case .string:
                throw DataError.inconsistentDataset(source: source, reason: "string labels are not supported")
            }
        }
        return Dataset(features: x, labels: y, source: source)
    }

    /// Applies `policy` to an array-backed data set: the first NaN or infinite feature or float label is an
    /// error under ``MissingValuePolicy/reject``; under ``MissingValuePolicy/keep`` they are counted.
    static func checked(_ dataset: Dataset, _ url: URL, _ policy: MissingValuePolicy) throws -> Dataset {
        var dataset = dataset
        let width = max(dataset.rowShape.reduce(1, *), 1)
        var count = 0
        var perColumn = [Int](repeating: 0, count: width)
        var labelCount = 0
        if let values = dataset.features.floats {
            for (i, v) in values.enumerated() where !v.isFinite {
                if policy == .reject {
                    throw DataError.nonFiniteValue(
                        file: url.path, row: i / width, column: i % width, value: numpyText(v))
                }
                count += 1
                perColumn[i % width] += 1
            }
        }
        if let targets = dataset.labels?.floats {
            let k = max(dataset.targetWidth, 1)
            for (i, v) in targets.enumerated() where !v.isFinite {
                if policy == .reject {
                    throw DataError.nonFiniteValue(file: url.path, row: i / k, column: nil, value: numpyText(v))
                }
                count += 1
                labelCount += 1
            }
        }
        dataset.nonFiniteCount = count
        dataset.nonFiniteColumns =
            perColumn.indices.filter { perColumn[$0] > 0 }.map { Dataset.ColumnCount("feature_\($0)", perColumn[$0]) }
            + (labelCount > 0 ? [Dataset.ColumnCount("label", labelCount)] : [])
        return dataset
    }

    /// How numpy prints a non-finite value: `nan`, `inf` or `-inf`.
    static func numpyText(_ v: Float) -> String { v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }

    private static func floatFeatures(_ t: Tensor, source: String) throws -> Tensor {
        guard !t.shape.isEmpty else {
            throw DataError.inconsistentDataset(
                source: source, reason: "the features are a single scalar; expected an array [rows, features]")
        }
        switch t.storage {
        case .float: return t
        case .double(let v): return Tensor(shape: t.shape, scalars: v.map { Float($0) })
        case .int64(let v): return Tensor(shape: t.shape, scalars: v.map { Float($0) })
        case .bool(let v): return Tensor(shape: t.shape, scalars: v.map { $0 ? 1 : 0 })
        case .string:
            throw DataError.inconsistentDataset(source: source, reason: "string features are not supported")
        }
    }

    private static func csvHeaderContains(url: URL, name: String, limits: DataLimits) throws -> Bool {
        let handle = try InputFile.open(url)
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: limits.maxCSVLineLength + 2)) ?? Data()
        var reader = CSVRecordReader(bytes: [UInt8](prefix), file: url.path, maxLineLength: limits.maxCSVLineLength)
        guard (try? reader.nextRecord()) == true else { return false }
        return reader.fields.contains { CSVReader.trimmed($0) == name }
    }
}
