import AIRiskSupport
import AIRiskTensor
import Foundation

/// How CSV label values become class indices.
package enum LabelEncoding: Sendable, Equatable {
    /// Non-negative integer labels are used as class indices unchanged (so a subset that lacks some class
    /// still lines up with the model's outputs); any other labels are sorted (numerically when they are all
    /// integers, otherwise by text) and numbered from 0, as scikit-learn's LabelEncoder does.
    case automatic
    /// Always sort the distinct labels and number them from 0.
    case sortedDistinct
    /// The label column holds regression targets: parsed as Float32 numbers, no class mapping.
    case regressionTargets
}

/// Reads a CSV file with a header row into a ``Dataset``: every column except the label column (and any
/// ignored columns) must be numeric and becomes a Float32 feature.
///
/// What pandas' `DataFrame.to_csv` writes loads as is: the unnamed index column (an empty first header cell)
/// is left out, booleans (`True`/`False`, `true`/`false`) are read as 1 and 0, and empty cells are missing
/// values under the ``MissingValuePolicy`` (an error naming the cell, or NaN counted per column in
/// ``Dataset/nonFiniteColumns``). A column of strings is an error naming the column and its first string,
/// with a hint to encode it as numbers.
package enum CSVReader {
    /// Reads `url`.
    /// - Parameters:
    ///   - labelColumn: the header name of the label column; nil for a file without labels. Several target columns of
    ///     a multi-output regressor are named with commas (`y1,y2,y3`, when no single column has that name): they
    ///     are read as float targets of shape [rows, k], in the order given.
    ///   - ignoring: header names of further columns to leave out (identifiers, free text).
    ///   - labelEncoding: how label values become class indices; the mapping is returned in
    ///     ``Dataset/classNames``.
    ///   - missingValues: whether an empty, NaN or infinite value is an error naming its line and column, or
    ///     read as NaN (or ±Inf) and counted in ``Dataset/nonFiniteCount``.
    ///   - columns: the feature columns a model takes by name; the others are left out (and listed in
    ///     ``Dataset/unusedColumns``). nil reads every column but the label, index and ignored ones.
    package static func read(
        contentsOf url: URL, labelColumn: String?, ignoring: Set<String> = [],
        labelEncoding: LabelEncoding = .automatic, missingValues: MissingValuePolicy = .reject,
        columns: CSVColumnSelection? = nil, limits: DataLimits = .standard
    ) throws -> Dataset {
        return try parse(
            bytes: try fileBytes(url, limits: limits), file: url.path, labelColumn: labelColumn, ignoring: ignoring,
            labelEncoding: labelEncoding, missingValues: missingValues, columns: columns, limits: limits)
    }

    static func parse(
        bytes: [UInt8], file: String, labelColumn: String?, ignoring: Set<String>, labelEncoding: LabelEncoding,
        missingValues: MissingValuePolicy = .reject, columns: CSVColumnSelection? = nil, limits: DataLimits
    ) throws -> Dataset {
        var (reader, header) = try headerReader(bytes, file: file, limits: limits)
        let headerLine = reader.recordLine
        var labelIndices: [Int] = []
        if let labelColumn {
            let names =
                header.contains(labelColumn) || !labelColumn.contains(",")
                ? [labelColumn] : labelColumn.split(separator: ",").map { String(trimmed(String($0))) }
            for name in names {
                let matches = header.indices.filter { header[$0] == name }
                guard let first = matches.first else {
                    throw DataError.missingColumn(file: file, column: name, available: header)
                }
                guard matches.count == 1, !labelIndices.contains(first) else {
                    throw DataError.malformedRow(
                        file: file, line: headerLine,
                        reason: "the label column '\(name)' appears \(max(matches.count, 2)) times in the "
                            + (matches.count > 1 ? "header" : "label columns"))
                }
                labelIndices.append(first)
            }
        }
        // A regressor's target columns (one, or several for a multi-output regressor) hold numbers; one label column
        // otherwise holds class labels.
        let targetColumns = labelIndices.count > 1 || labelEncoding == .regressionTargets ? labelIndices : []
        let labelIndex = targetColumns.isEmpty ? labelIndices.first : nil
        for name in ignoring where !header.contains(name) {
            throw DataError.missingColumn(file: file, column: name, available: header)
        }
        // pandas writes its row index as a first column with an empty name: row numbers, not a feature.
        let indexColumn = header.count > 1 && header[0].isEmpty && !labelIndices.contains(0) ? 0 : nil
        let candidates = header.indices.filter {
            !labelIndices.contains($0) && $0 != indexColumn && !ignoring.contains(header[$0])
        }
        var featureIndices = candidates
        // For a selection: the index of each category by its text, per selected header column.
        var categoryIndex: [Int: [String: Int]] = [:]
        // The index that stands for a category the model does not know: one past its last category.
        var unknownIndex: [Int: Int] = [:]
        var unknownByColumn: [Int: Int] = [:]
        if let columns {
            featureIndices = []
            for column in columns.columns {
                guard let index = header.firstIndex(of: column.name) else {
                    throw DataError.modelMismatch(
                        source: file,
                        reason: "\(columns.owner) takes a column '\(column.name)', but the header has none (it has: "
                            + header.filter { !$0.isEmpty }.joined(separator: ", ")
                            + "); save the data with the column names the model was trained with")
                }
                guard !labelIndices.contains(index) else {
                    throw DataError.modelMismatch(
                        source: file,
                        reason: "the label column '\(header[index])' is also an input of \(columns.owner); name the "
                            + "label column with --label-column")
                }
                featureIndices.append(index)
                if let categories = column.categories {
                    var map: [String: Int] = [:]
                    for (k, c) in categories.enumerated() where map[c] == nil { map[c] = k }
                    categoryIndex[index] = map
                    unknownIndex[index] = categories.count
                }
            }
        }
        guard !featureIndices.isEmpty else {
            throw DataError.malformedRow(file: file, line: headerLine, reason: "no feature columns")
        }

        var features: [Float] = []
        var rawLabels: [String] = []
        var labelLines: [Int] = []
        var targets: [Float] = []
        var rows = 0
        var nonFinite = 0
        var nonFiniteByColumn = [Int](repeating: 0, count: header.count)
        let maxElements = Int(min(limits.maxArrayBytes / 4, UInt64(Int.max)))
        // The number in `column` of the current record (a non-finite one counted); text is an error with
        // `textReason`'s words.
        func number(_ column: Int, line: Int, textReason: (String) -> String) throws -> Float {
            switch parseFloat(
                reader.fieldBytes, reader.fieldStart(column)..<reader.fieldEnds[column], missingValues: missingValues)
            {
            case .value(let value):
                if !value.isFinite {
                    nonFinite += 1
                    nonFiniteByColumn[column] += 1
                }
                return value
            case .failure(let reason):
                throw DataError.invalidField(
                    file: file, line: line, column: header[column], index: column + 1, reason: reason)
            case .text(let text):
                throw DataError.invalidField(
                    file: file, line: line, column: header[column], index: column + 1, reason: textReason(text))
            }
        }
        while try reader.nextRecord() {
            let line = reader.recordLine
            guard reader.fieldCount == header.count else {
                throw DataError.malformedRow(
                    file: file, line: line,
                    reason: "\(reader.fieldCount) fields, but the header has \(header.count) columns")
            }
            for column in featureIndices {
                if let map = categoryIndex[column] {
                    let text = trimmed(reader.field(column))
                    // An empty cell is missing, unless the column's values list the empty text (free text).
                    if text.isEmpty, map[""] == nil {
                        guard missingValues == .keep else {
                            throw DataError.invalidField(
                                file: file, line: line, column: header[column], index: column + 1,
                                reason: "missing value (fix the data, or pass --missing-values keep to read it as "
                                    + "NaN with a warning)")
                        }
                        nonFinite += 1
                        nonFiniteByColumn[column] += 1
                        features.append(.nan)
                    } else if let k = map[String(text)] {
                        features.append(Float(k))
                    } else {
                        unknownByColumn[column, default: 0] += 1
                        features.append(Float(unknownIndex[column] ?? map.count))
                    }
                    continue
                }
                features.append(
                    try number(column, line: line) { stringColumnReason($0, column: header[column]) })
            }
            guard features.count <= maxElements else {
                throw DataError.tooLarge(
                    file: file, bytes: UInt64(features.count) * 4, limit: limits.maxArrayBytes)
            }
            for column in targetColumns {
                guard !trimmed(reader.field(column)).isEmpty else {
                    throw DataError.invalidField(
                        file: file, line: line, column: header[column], index: column + 1, reason: "missing label")
                }
                targets.append(
                    try number(column, line: line) { "'\($0)' is not a number, but regression targets must be numbers" }
                )
            }
            if let labelIndex {
                let text = String(trimmed(reader.field(labelIndex)))
                guard !text.isEmpty else {
                    throw DataError.invalidField(
                        file: file, line: line, column: header[labelIndex], index: labelIndex + 1,
                        reason: "missing label")
                }
                rawLabels.append(text)
                labelLines.append(line)
            }
            rows += 1
        }
        guard rows > 0 else {
            throw DataError.malformedRow(file: file, line: headerLine, reason: "a header but no data rows")
        }
        let featureTensor = Tensor(shape: [rows, featureIndices.count], scalars: features)
        var labels: Tensor?
        var classNames: [String]?
        var source = file
        if targetColumns.count == 1 {
            labels = Tensor(shape: [rows], scalars: targets)
            source += " (label column '\(header[targetColumns[0]])')"
        } else if !targetColumns.isEmpty {
            labels = Tensor(shape: [rows, targetColumns.count], scalars: targets)
            source += " (target columns " + targetColumns.map { "'\(header[$0])'" }.joined(separator: ", ") + ")"
        }
        if let labelIndex {
            try checkNotMixed(rawLabels, lines: labelLines, file: file, column: header[labelIndex], index: labelIndex)
            let (indices, names) = encode(rawLabels, encoding: labelEncoding)
            labels = Tensor(shape: [rows], int64: indices)
            classNames = names
            source += " (label column '\(header[labelIndex])')"
        }
        var dataset = Dataset(
            features: featureTensor, labels: labels, classNames: classNames,
            featureNames: featureIndices.map { header[$0] }, source: source)
        dataset.nonFiniteCount = nonFinite
        dataset.nonFiniteColumns = header.indices.filter { nonFiniteByColumn[$0] > 0 }
            .map { Dataset.ColumnCount(header[$0], nonFiniteByColumn[$0]) }
        dataset.unknownCategories = featureIndices.compactMap { i in
            unknownByColumn[i].map { Dataset.ColumnCount(header[i], $0) }
        }
        if columns != nil {
            dataset.unusedColumns = candidates.filter { !featureIndices.contains($0) }.map { header[$0] }
        }
        return dataset
    }

    /// Why a feature column of strings cannot be read, and how to make it readable.
    static func stringColumnReason(_ text: String, column: String) -> String {
        "'\(text)' is not a number: the column '\(column)' holds text (strings), and CSV features must be numbers (booleans "
            + "True/False are read as 1/0, empty cells as missing values); encode the column as numbers before "
            + "saving (e.g. pandas.get_dummies, or df['\(column)'].astype('category').cat.codes) and assess a model "
            + "that takes those numbers, or leave the column out"
    }

    /// Labels that are class numbers except for a few words (`0, 1, cat`) are a data error, not a class called
    /// `cat`: throws naming the first label that is not a number and its line. `index` is the 0-based column.
    static func checkNotMixed(_ labels: [String], lines: [Int], file: String, column: String, index: Int) throws {
        guard let firstNumber = labels.firstIndex(where: { Int64($0) != nil }),
            let firstText = labels.firstIndex(where: { Int64($0) == nil })
        else { return }
        throw DataError.invalidField(
            file: file, line: lines[firstText], column: column, index: index + 1,
            reason: "label '\(labels[firstText])' is not a number, but other labels are class numbers (e.g. "
                + "'\(labels[firstNumber])' on line \(lines[firstNumber])); labels must be all class numbers or all "
                + "class names")
    }

    /// `text` without leading and trailing ASCII spaces, tabs and line breaks (cheaper than Foundation's
    /// trimming on the per-field hot path).
    static func trimmed(_ text: String) -> Substring {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\r\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }

    enum ParsedFloat {
        case value(Float)
        case failure(String)
        /// A value that is neither a number, a boolean nor missing (the text, trimmed).
        case text(String)
    }

    /// Parses the bytes `range` of `bytes` (surrounding ASCII whitespace ignored) as a finite Float32; under
    /// ``MissingValuePolicy/keep`` an empty field is NaN and NaN or infinite values are returned as they are.
    /// Booleans as pandas and most tools write them (`True`/`False`, `true`/`false`, `TRUE`/`FALSE`) are 1 and 0.
    static func parseFloat(
        _ bytes: [UInt8], _ range: Range<Int>, missingValues: MissingValuePolicy = .reject
    ) -> ParsedFloat {
        var lower = range.lowerBound
        var upper = range.upperBound
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        let keep = missingValues == .keep
        let hint = " (fix the data, or pass --missing-values keep to read it as NaN with a warning)"
        guard lower < upper else { return keep ? .value(.nan) : .failure("missing value" + hint) }
        let text = String(decoding: bytes[lower..<upper], as: UTF8.self)
        guard let value = Float(text) else {
            switch text {
            case "True", "true", "TRUE": return .value(1)
            case "False", "false", "FALSE": return .value(0)
            default: return .text(text)
            }
        }
        guard value.isFinite || keep else { return .failure("'\(text)' is not a finite number" + hint) }
        return .value(value)
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
