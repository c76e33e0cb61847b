import AIRiskTensor
import Foundation

/// How CSV label values become class indices.
public enum LabelEncoding: Sendable, Equatable {
    /// Non-negative integer labels are used as class indices unchanged (so a subset that lacks some class
    /// still lines up with the model's outputs); any other labels are sorted (numerically when they are all
    /// integers, otherwise by text) and numbered from 0, as scikit-learn's LabelEncoder does.
    case automatic
    /// Always sort the distinct labels and number them from 0.
    case sortedDistinct
}

/// Reads a CSV file with a header row into a ``Dataset``: every column except the label column (and any
/// ignored columns) must be numeric and becomes a Float32 feature.
public enum CSVReader {
    /// Reads `url`.
    /// - Parameters:
    ///   - labelColumn: the header name of the label column; nil for a file without labels.
    ///   - ignoring: header names of further columns to leave out (identifiers, free text).
    ///   - labelEncoding: how label values become class indices; the mapping is returned in
    ///     ``Dataset/classNames``.
    public static func read(
        contentsOf url: URL, labelColumn: String?, ignoring: Set<String> = [],
        labelEncoding: LabelEncoding = .automatic, limits: DataLimits = .standard
    ) throws -> Dataset {
        let file = url.path
        let bytes: [UInt8]
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64 ?? 0
            guard size <= limits.maxArrayBytes else {
                throw DataError.tooLarge(file: file, bytes: size, limit: limits.maxArrayBytes)
            }
            bytes = [UInt8](try Data(contentsOf: url))
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.unreadable(file: file, reason: error.localizedDescription)
        }
        return try parse(bytes: bytes, file: file, labelColumn: labelColumn, ignoring: ignoring,
                         labelEncoding: labelEncoding, limits: limits)
    }

    static func parse(
        bytes: [UInt8], file: String, labelColumn: String?, ignoring: Set<String>, labelEncoding: LabelEncoding,
        limits: DataLimits
    ) throws -> Dataset {
        var reader = CSVRecordReader(bytes: bytes, file: file, maxLineLength: limits.maxCSVLineLength)
        guard let headerRecord = try reader.next() else {
            throw DataError.malformedRow(file: file, line: 1, reason: "the file is empty; expected a header row")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var labelIndex: Int?
        if let labelColumn {
            let matches = header.indices.filter { header[$0] == labelColumn }
            guard let first = matches.first else {
                throw DataError.missingColumn(file: file, column: labelColumn, available: header)
            }
            guard matches.count == 1 else {
                throw DataError.malformedRow(
                    file: file, line: headerRecord.line,
                    reason: "the label column '\(labelColumn)' appears \(matches.count) times in the header")
            }
            labelIndex = first
        }
        for name in ignoring where !header.contains(name) {
            throw DataError.missingColumn(file: file, column: name, available: header)
        }
        let featureIndices = header.indices.filter { $0 != labelIndex && !ignoring.contains(header[$0]) }
        guard !featureIndices.isEmpty else {
            throw DataError.malformedRow(file: file, line: headerRecord.line, reason: "no feature columns")
        }

        var features: [Float] = []
        var rawLabels: [String] = []
        var rows = 0
        let maxElements = Int(min(limits.maxArrayBytes / 4, UInt64(Int.max)))
        while let record = try reader.next() {
            guard record.fields.count == header.count else {
                throw DataError.malformedRow(
                    file: file, line: record.line,
                    reason: "\(record.fields.count) fields, but the header has \(header.count) columns")
            }
            for column in featureIndices {
                let text = record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
                func fail(_ reason: String) -> DataError {
                    .invalidField(file: file, line: record.line, column: header[column], index: column + 1,
                                  reason: reason)
                }
                guard !text.isEmpty else { throw fail("missing value") }
                guard let value = Float(text) else { throw fail("'\(text)' is not a number") }
                guard value.isFinite else { throw fail("'\(text)' is not a finite number") }
                features.append(value)
            }
            guard features.count <= maxElements else {
                throw DataError.tooLarge(
                    file: file, bytes: UInt64(features.count) * 4, limit: limits.maxArrayBytes)
            }
            if let labelIndex {
                let text = record.fields[labelIndex].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else {
                    throw DataError.invalidField(
                        file: file, line: record.line, column: header[labelIndex], index: labelIndex + 1,
                        reason: "missing label")
                }
                rawLabels.append(text)
            }
            rows += 1
        }
        guard rows > 0 else {
            throw DataError.malformedRow(file: file, line: headerRecord.line, reason: "a header but no data rows")
        }
        let featureTensor = Tensor(shape: [rows, featureIndices.count], scalars: features)
        var labels: Tensor?
        var classNames: [String]?
        var source = file
        if let labelIndex {
            let (indices, names) = encode(rawLabels, encoding: labelEncoding)
            labels = Tensor(shape: [rows], int64: indices)
            classNames = names
            source += " (label column '\(header[labelIndex])')"
        }
        return Dataset(
            features: featureTensor, labels: labels, classNames: classNames,
            featureNames: featureIndices.map { header[$0] }, source: source)
    }

    /// Maps label texts to class indices; returns the indices and the label of each class index.
    static func encode(_ labels: [String], encoding: LabelEncoding) -> ([Int64], [String]) {
        let integers = labels.compactMap { Int64($0) }
        let allIntegers = integers.count == labels.count
        if encoding == .automatic, allIntegers, let maxLabel = integers.max(), integers.allSatisfy({ $0 >= 0 }),
            maxLabel < Int64(labels.count) + 1_000_000
        {
            return (integers, (0...maxLabel).map { String($0) })
        }
        let distinct: [String]
        if allIntegers {
            distinct = Set(integers).sorted().map { String($0) }
        } else {
            distinct = Set(labels).sorted()
        }
        var index: [String: Int64] = [:]
        for (i, name) in distinct.enumerated() { index[name] = Int64(i) }
        let mapped = labels.map { label -> Int64 in
            if allIntegers, let v = Int64(label) { return index[String(v)] ?? 0 }
            return index[label] ?? 0
        }
        return (mapped, distinct)
    }
}
