import AIRiskSupport
import Foundation

extension CSVReader {
    /// The bytes of the CSV file at `url`: a regular file, at most `limits.maxArrayBytes` long; any other file, or
    /// one that cannot be read, is a `DataError` naming it.
    static func fileBytes(_ url: URL, limits: DataLimits) throws -> [UInt8] {
        let file = url.path
        if let problem = RegularFile.problem(at: file) { throw DataError.unreadable(file: file, reason: problem) }
        do {
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? UInt64 ?? 0
            guard size <= limits.maxArrayBytes else {
                throw DataError.tooLarge(file: file, bytes: size, limit: limits.maxArrayBytes)
            }
            // FoundationEssentials leaks its read buffer when Data(contentsOf:) reads an empty file.
            return size == 0 ? [] : [UInt8](try Data(contentsOf: url))
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError.unreadable(file: file, reason: error.localizedDescription)
        }
    }

    /// A reader over `bytes` positioned after the header row, and the header's trimmed names; an empty file is an
    /// error naming it.
    static func headerReader(_ bytes: [UInt8], file: String, limits: DataLimits) throws -> (
        CSVRecordReader, header: [String]
    ) {
        var reader = CSVRecordReader(bytes: bytes, file: file, maxLineLength: limits.maxCSVLineLength)
        guard try reader.nextRecord() else {
            throw DataError.malformedRow(file: file, line: 1, reason: "the file is empty; expected a header row")
        }
        return (reader, reader.fields.map { String(trimmed($0)) })
    }
}
