/// Splits CSV text into records following RFC 4180: comma-separated fields, fields in double quotes may hold
/// commas, line breaks and doubled quotes (`""`), records end with CRLF or LF. A UTF-8 byte order mark is
/// skipped, and blank lines are skipped wherever they occur.
///
/// The current record's fields are kept as unescaped bytes in one reused buffer, so reading a large file
/// allocates per file, not per field.
struct CSVRecordReader {
    private let bytes: [UInt8]
    private let file: String
    private let maxLineLength: Int
    private var position = 0
    private var line = 1

    /// The current record's field contents, concatenated; field `i` is `fieldBytes[fieldStart(i)..<fieldEnds[i]]`.
    private(set) var fieldBytes: [UInt8] = []
    private(set) var fieldEnds: [Int] = []
    /// The 1-based line on which the current record starts.
    private(set) var recordLine = 0

    init(bytes: [UInt8], file: String, maxLineLength: Int) {
        self.bytes = bytes
        self.file = file
        self.maxLineLength = maxLineLength
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    var fieldCount: Int { fieldEnds.count }

    func fieldStart(_ i: Int) -> Int { i == 0 ? 0 : fieldEnds[i - 1] }

    /// Field `i` of the current record as text.
    func field(_ i: Int) -> String {
        String(decoding: fieldBytes[fieldStart(i)..<fieldEnds[i]], as: UTF8.self)
    }

    /// Every field of the current record as text.
    var fields: [String] { (0..<fieldCount).map(field) }

    /// Advances to the next non-blank record; false at the end of the text.
    mutating func nextRecord() throws -> Bool {
        while true {
            guard position < bytes.count else { return false }
            recordLine = line
            let start = position
            fieldBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            var recordEnded = false
            while !recordEnded {
                if position < bytes.count, bytes[position] == Self.quote {
                    try readQuotedField(recordStart: start)
                } else {
                    while position < bytes.count, !isDelimiterOrLineEnd(position) {
                        fieldBytes.append(bytes[position])
                        position += 1
                    }
                    try checkLength(start: start)
                }
                fieldEnds.append(fieldBytes.count)
                if position >= bytes.count {
                    recordEnded = true
                } else if bytes[position] == Self.comma {
                    position += 1
                    // A trailing comma at the end of the text still opens one (empty) field.
                    if position >= bytes.count {
                        fieldEnds.append(fieldBytes.count)
                        recordEnded = true
                    }
                } else {
                    // CRLF or LF.
                    position += bytes[position] == Self.cr ? 2 : 1
                    line += 1
                    recordEnded = true
                }
            }
            if fieldEnds == [0], bytes[start] != Self.quote { continue }
            return true
        }
    }

    private mutating func readQuotedField(recordStart start: Int) throws {
        position += 1
        while position < bytes.count {
            try checkLength(start: start)
            let b = bytes[position]
            if b == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    fieldBytes.append(Self.quote)
                    position += 2
                    continue
                }
                position += 1
                if position < bytes.count, !isDelimiterOrLineEnd(position) {
                    throw DataError.malformedRow(
                        file: file, line: line,
                        reason: "unexpected text after a closing quote (field \(fieldEnds.count + 1))")
                }
                return
            }
            if b == Self.lf { line += 1 }
            fieldBytes.append(b)
            position += 1
        }
        throw DataError.malformedRow(file: file, line: recordLine, reason: "a quoted field is never closed")
    }

    private func isDelimiterOrLineEnd(_ i: Int) -> Bool {
        let b = bytes[i]
        if b == Self.comma || b == Self.lf { return true }
        return b == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf
    }

    private func checkLength(start: Int) throws {
        if position - start > maxLineLength {
            throw DataError.malformedRow(
                file: file, line: recordLine,
                reason: "the record is longer than the limit of \(maxLineLength) bytes")
        }
    }
}
