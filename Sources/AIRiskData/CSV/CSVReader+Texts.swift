import AIRiskSupport
import Foundation

extension CSVReader {
    /// Adds to `texts[column]` each distinct value of the free-text `columns` of the CSV at `url` that is not
    /// there yet, in order of first appearance (values trimmed as the reader trims them; an empty cell is the
    /// empty text). Read before the data itself, so that members, non-members and population index the same
    /// texts alike.
    package static func collectTexts(
        contentsOf url: URL, columns: [String], into texts: inout [String: [String]], limits: DataLimits = .standard
    ) throws {
        let file = url.path
        var (reader, header) = try headerReader(try fileBytes(url, limits: limits), file: file, limits: limits)
        var indices: [(column: String, index: Int)] = []
        for column in columns {
            guard let index = header.firstIndex(of: column) else {
                throw DataError.missingColumn(file: file, column: column, available: header)
            }
            indices.append((column, index))
        }
        var seen: [String: Set<String>] = [:]
        for (column, _) in indices { seen[column] = Set(texts[column] ?? []) }
        while try reader.nextRecord() {
            guard reader.fieldCount == header.count else {
                throw DataError.malformedRow(
                    file: file, line: reader.recordLine,
                    reason: "\(reader.fieldCount) fields, but the header has \(header.count) columns")
            }
            for (column, index) in indices {
                let text = String(trimmed(reader.field(index)))
                if seen[column, default: []].insert(text).inserted { texts[column, default: []].append(text) }
            }
        }
    }
}
