import AIRiskTensor
import Foundation

/// Loads a ``Dataset`` from a .npy, .npz or .csv file, choosing the reader by the file extension.
public enum DatasetLoader {
    /// The .npz keys tried, in order, when no features key is given.
    public static let defaultFeatureKeys = ["x", "X", "features"]
    /// The .npz keys tried, in order, when no labels key is given.
    public static let defaultLabelKeys = ["y", "Y", "labels"]
    /// The CSV label column used when none is given (a file without it is read without labels).
    public static let defaultLabelColumn = "label"

    /// Loads the data set at `url`.
    /// - Parameters:
    ///   - labelColumn: CSV only: the label column's header name. nil means "label" if the header has it,
    ///     otherwise no labels; a name given explicitly must exist.
    ///   - featuresKey: .npz only: the features array. nil tries ``defaultFeatureKeys``.
    ///   - labelsKey: .npz only: the labels array. nil tries ``defaultLabelKeys`` and reads no labels if none
    ///     exists; a key given explicitly must exist.
    ///   - labelsURL: .npy only: a second .npy file holding the labels.
    ///   - labelEncoding: CSV only: how label values become class indices, or that they are regression targets.
    public static func load(
        url: URL, labelColumn: String? = nil, featuresKey: String? = nil, labelsKey: String? = nil,
        labelsURL: URL? = nil, labelEncoding: LabelEncoding = .automatic, limits: DataLimits = .standard
    ) throws -> Dataset {
        switch url.pathExtension.lowercased() {
        case "npy":
            let features = try NPYReader.read(contentsOf: url, limits: limits)
            var labels: Tensor?
            var source = url.path
            if let labelsURL {
                labels = try NPYReader.read(contentsOf: labelsURL, limits: limits)
                source += " with labels from \(labelsURL.path)"
            }
            return try assemble(features: features, labels: labels, source: source)
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
            return try assemble(features: features, labels: labels, source: source)
        case "csv":
            var column = labelColumn
            if column == nil, try csvHeaderContains(url: url, name: defaultLabelColumn, limits: limits) {
                column = defaultLabelColumn
            }
            return try CSVReader.read(
                contentsOf: url, labelColumn: column, labelEncoding: labelEncoding, limits: limits)
        default:
            throw DataError.unsupportedFormat(
                file: url.path, reason: "expected a .npy, .npz or .csv file, not '.\(url.pathExtension)'")
        }
    }

    /// Builds a data set from arrays: features become Float32 with at least two dimensions; labels become
    /// Int64 class indices (integer or bool arrays) or Float32 targets (float arrays), one per row.
    public static func assemble(features: Tensor, labels: Tensor?, source: String) throws -> Dataset {
        var x = try floatFeatures(features, source: source)
        if x.shape.count == 1 { x = Tensor(shape: [x.shape[0], 1], storage: x.storage) }
        var y: Tensor?
        if var labels {
            if labels.shape.count == 2, labels.shape[1] == 1 { labels.shape = [labels.shape[0]] }
            guard labels.shape.count == 1 else {
                throw DataError.inconsistentDataset(
                    source: source,
                    reason: "labels have shape \(labels.shape); expected one label per row, shape [\(x.shape[0])]")
            }
            guard labels.shape[0] == x.shape[0] else {
                throw DataError.inconsistentDataset(
                    source: source,
                    reason: "\(x.shape[0]) feature rows but \(labels.shape[0]) labels")
            }
            switch labels.storage {
            case .int64, .float: y = labels
            case .bool(let v): y = Tensor(shape: labels.shape, int64: v.map { $0 ? 1 : 0 })
            case .string:
                throw DataError.inconsistentDataset(source: source, reason: "string labels are not supported")
            }
        }
        return Dataset(features: x, labels: y, source: source)
    }

    private static func floatFeatures(_ t: Tensor, source: String) throws -> Tensor {
        guard !t.shape.isEmpty else {
            throw DataError.inconsistentDataset(
                source: source, reason: "the features are a single scalar; expected an array [rows, features]")
        }
        switch t.storage {
        case .float: return t
        case .int64(let v): return Tensor(shape: t.shape, scalars: v.map { Float($0) })
        case .bool(let v): return Tensor(shape: t.shape, scalars: v.map { $0 ? 1 : 0 })
        case .string:
            throw DataError.inconsistentDataset(source: source, reason: "string features are not supported")
        }
    }

    private static func csvHeaderContains(url: URL, name: String, limits: DataLimits) throws -> Bool {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw DataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: limits.maxCSVLineLength + 2)) ?? Data()
        var reader = CSVRecordReader(bytes: [UInt8](prefix), file: url.path, maxLineLength: limits.maxCSVLineLength)
        guard (try? reader.nextRecord()) == true else { return false }
        return reader.fields.contains { CSVReader.trimmed($0) == name }
    }
}
