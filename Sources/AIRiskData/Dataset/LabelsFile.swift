import AIRiskSupport
import AIRiskTensor
import Foundation

/// A file holding only labels, one per row, read beside a features-only data file (`--members-labels` and the
/// plan's `labelsFile`): a 1-D .npy array, or a CSV with a header row and one column (or a column named `label`).
enum LabelsFile {
    /// The labels and, for text labels, the label of each class index.
    static func read(
        contentsOf url: URL, encoding: LabelEncoding, missingValues: MissingValuePolicy, limits: DataLimits
    ) throws -> (Tensor, classNames: [String]?) {
        switch url.pathExtension.lowercased() {
        case "npy":
            let labels = try NPYReader.read(contentsOf: url, limits: limits)
            if let values = labels.floats, missingValues == .reject,
                let i = values.firstIndex(where: { !$0.isFinite })
            {
                throw DataError.nonFiniteValue(
                    file: url.path, row: i, column: nil, value: DatasetLoader.numpyText(values[i]))
            }
            return (labels, nil)
        case "csv":
            return try readCSV(url, encoding: encoding, missingValues: missingValues, limits: limits)
        default:
            throw DataError.unsupportedFormat(
                file: url.path, reason: "a labels file is a .npy or .csv file, not '.\(url.pathExtension)'")
        }
    }

    private static func readCSV(
        _ url: URL, encoding: LabelEncoding, missingValues: MissingValuePolicy, limits: DataLimits
    ) throws -> (Tensor, classNames: [String]?) {
        let file = url.path
        var (reader, header) = try CSVReader.headerReader(
            try CSVReader.fileBytes(url, limits: limits), file: file, limits: limits)
        let column: Int
        if header.count == 1 {
            column = 0
        } else if let i = header.firstIndex(of: DatasetLoader.defaultLabelColumn) {
            column = i
        } else {
            throw DataError.missingColumn(file: file, column: DatasetLoader.defaultLabelColumn, available: header)
        }
        var texts: [String] = []
        var lines: [Int] = []
        while try reader.nextRecord() {
            guard reader.fieldCount == header.count else {
                throw DataError.malformedRow(
                    file: file, line: reader.recordLine,
                    reason: "\(reader.fieldCount) fields, but the header has \(header.count) columns")
            }
            texts.append(String(CSVReader.trimmed(reader.field(column))))
            lines.append(reader.recordLine)
        }
        guard !texts.isEmpty else {
            throw DataError.malformedRow(file: file, line: 1, reason: "a header but no labels")
        }
        if encoding != .regressionTargets, texts.allSatisfy({ Int64($0) != nil }) {
            let (indices, names) = CSVReader.encode(texts, encoding: encoding)
            return (Tensor(shape: [texts.count], int64: indices), names)
        }
        var numbers: [Float] = []
        for (text, line) in zip(texts, lines) {
            let bytes = Array(text.utf8)
            var parsed = CSVReader.parseFloat(bytes, 0..<bytes.count, missingValues: missingValues)
            if case .text(let t) = parsed { parsed = .failure("'\(t)' is not a number") }
            switch parsed {
            case .value(let v): numbers.append(v)
            case .text: continue
            case .failure(let reason):
                guard encoding != .regressionTargets, numbers.isEmpty else {
                    throw DataError.invalidField(
                        file: file, line: line, column: header[column], index: column + 1, reason: reason)
                }
                // Text labels: class names, numbered in sorted order.
                try CSVReader.checkNotMixed(texts, lines: lines, file: file, column: header[column], index: column)
                let (indices, names) = CSVReader.encode(texts, encoding: encoding)
                return (Tensor(shape: [texts.count], int64: indices), names)
            }
        }
        return (Tensor(shape: [numbers.count], scalars: numbers), nil)
    }
}
