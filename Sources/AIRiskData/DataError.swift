/// Why a data file could not be read or does not fit a model. Every case names the file (and, where it
/// applies, the array key, line, column or field) so the user can find and fix the problem.
package enum DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read at all.
    case unreadable(file: String, reason: String)
    /// The file's extension is not one of .npy, .npz or .csv.
    case unsupportedFormat(file: String, reason: String)
    /// A .npy header is malformed (bad magic, version, length or dictionary).
    case malformedHeader(file: String, reason: String)
    /// A .npy array uses a dtype this reader does not support (objects, strings, structured, complex…).
    case unsupportedDType(file: String, descr: String, reason: String)
    /// A shape with a negative dimension or an element count that overflows.
    case invalidShape(file: String, reason: String)
    /// The array or entry would need more memory than the configured ceiling allows.
    case tooLarge(file: String, bytes: UInt64, limit: UInt64)
    /// The payload is shorter (or longer) than the header declares.
    case sizeMismatch(file: String, expected: UInt64, actual: UInt64)
    /// A .npz file that is not a readable zip archive, or one of its entries is damaged.
    case malformedArchive(file: String, reason: String)
    /// A compressed .npz entry whose declared size or compression ratio looks like a decompression bomb.
    case suspiciousCompression(file: String, entry: String, reason: String)
    /// A requested array is not in the .npz archive.
    case missingArray(file: String, key: String, available: [String])
    /// A CSV field that is missing, non-numeric or otherwise unusable. `column` is the header name, `index` is
    /// its 1-based position.
    case invalidField(file: String, line: Int, column: String, index: Int, reason: String)
    /// A CSV row with the wrong number of fields, an unterminated quote or an overlong line.
    case malformedRow(file: String, line: Int, reason: String)
    /// A CSV file without the requested label column.
    case missingColumn(file: String, column: String, available: [String])
    /// The features and labels disagree (row counts, label shape or dtype).
    case inconsistentDataset(source: String, reason: String)
    /// The data set does not fit the model's declared input or output.
    case modelMismatch(source: String, reason: String)
    /// A NaN or infinite value under ``MissingValuePolicy/reject``: `row` and `column` are 0-based indices into
    /// the array (`column` is nil for labels), `value` is how numpy prints it.
    case nonFiniteValue(file: String, row: Int, column: Int?, value: String)

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        case .unsupportedFormat(let file, let reason):
            "\(file): unsupported data format: \(reason)"
        case .malformedHeader(let file, let reason):
            "\(file): malformed .npy header: \(reason)"
        case .unsupportedDType(let file, let descr, let reason):
            "\(file): unsupported dtype '\(descr)': \(reason)"
        case .invalidShape(let file, let reason):
            "\(file): invalid array shape: \(reason)"
        case .tooLarge(let file, let bytes, let limit):
            "\(file): the array needs \(bytes) bytes, more than the limit of \(limit) bytes "
                + "(raise the data size limit if this is intended)"
        case .sizeMismatch(let file, let expected, let actual):
            actual < expected
                ? "\(file): the array data is truncated: the header declares \(expected) bytes but only "
                    + "\(actual) are present"
                : "\(file): \(actual - expected) unexpected bytes after the \(expected) bytes of array data"
        case .malformedArchive(let file, let reason):
            "\(file): not a readable .npz (zip) archive: \(reason)"
        case .suspiciousCompression(let file, let entry, let reason):
            "\(file): refusing to extract '\(entry)': \(reason)"
        case .missingArray(let file, let key, let available):
            "\(file): no array named '\(key)'; the archive holds: "
                + (available.isEmpty ? "(nothing)" : available.joined(separator: ", "))
        case .invalidField(let file, let line, let column, let index, let reason):
            "\(file):\(line): column \(index) '\(column)': \(reason)"
        case .malformedRow(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .missingColumn(let file, let column, let available):
            "\(file): no column named '\(column)'; the header has: " + available.joined(separator: ", ")
        case .inconsistentDataset(let source, let reason):
            "\(source): \(reason)"
        case .modelMismatch(let source, let reason):
            "\(source): \(reason)"
        case .nonFiniteValue(let file, let row, let column, let value):
            "\(file): row \(row)" + (column.map { ", column \($0)" } ?? " (label)")
                + " holds \(value) (rows and columns counted from 0); NaN and infinite values are rejected: fix the "
                + "data, or pass --missing-values keep to use them anyway (with a warning)"
        }
    }
}
