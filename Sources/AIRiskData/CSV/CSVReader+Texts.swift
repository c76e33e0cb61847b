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
        if let problem = RegularFile.problem(at: file) { throw DataError.unreadable(file: file, reason: problem) }
        let bytes: [UInt8]
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64 ?? 0
            guard size <= limits.maxArrayBytes else {
                throw DataError.tooLarge(file: file, bytes: size, limit: limits.maxArrayBytes)
            }
            bytes = size == 0 ? [] : [UInt8](try Data(contentsOf: url))
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.unreadable(file: file, reason: error.localizedDescription)
        }
        var reader = CSVRecordReader(bytes: bytes, file: file, maxLineLength: limits.maxCSVLineLength)
        guard try reader.nextRecord() else {
            throw DataError.malformedRow(file: file, line: 1, reason: "the file is empty; expected a header row")
        }
        let header = reader.fields.map { String(trimmed($0)) }
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
