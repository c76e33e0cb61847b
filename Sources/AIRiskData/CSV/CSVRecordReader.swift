/// Splits CSV text into records following RFC 4180: comma-separated fields, fields in double quotes may hold
/// commas, line breaks and doubled quotes (`""`), records end with CRLF or LF. A UTF-8 byte order mark is
/// skipped, and blank lines are skipped wherever they occur.
struct CSVRecordReader {
    /// One record and the 1-based line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    private let bytes: [UInt8]
    private let file: String
    private let maxLineLength: Int
    private var position = 0
    private var line = 1

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

    /// The next non-blank record, or nil at the end of the text.
    mutating func next() throws -> Record? {
        while true {
            guard position < bytes.count else { return nil }
            let startLine = line
            let start = position
            var fields: [String] = []
            var field: [UInt8] = []
            var recordEnded = false
            while !recordEnded {
                field.removeAll(keepingCapacity: true)
                if position < bytes.count, bytes[position] == Self.quote {
                    position += 1
                    var closed = false
                    while position < bytes.count {
                        try checkLength(start: start, line: startLine)
                        let b = bytes[position]
                        if b == Self.quote {
                            if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                                field.append(Self.quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if b == Self.lf { line += 1 }
                        field.append(b)
                        position += 1
                    }
                    guard closed else {
                        throw DataError.malformedRow(
                            file: file, line: startLine, reason: "a quoted field is never closed")
                    }
                    if position < bytes.count, !isDelimiterOrLineEnd(position) {
                        throw DataError.malformedRow(
                            file: file, line: line,
                            reason: "unexpected text after a closing quote (field \(fields.count + 1))")
                    }
                } else {
                    while position < bytes.count, !isDelimiterOrLineEnd(position) {
                        field.append(bytes[position])
                        position += 1
                    }
                    try checkLength(start: start, line: startLine)
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if position >= bytes.count {
                    recordEnded = true
                } else if bytes[position] == Self.comma {
                    position += 1
                    // A trailing comma at the end of the text still opens one (empty) field.
                    if position >= bytes.count {
                        fields.append("")
                        recordEnded = true
                    }
                } else {
                    // CRLF or LF.
                    position += bytes[position] == Self.cr ? 2 : 1
                    line += 1
                    recordEnded = true
                }
            }
            if fields.count == 1, fields[0].isEmpty, bytes[start] != Self.quote { continue }
            return Record(line: startLine, fields: fields)
        }
    }

    private func isDelimiterOrLineEnd(_ i: Int) -> Bool {
        let b = bytes[i]
        if b == Self.comma || b == Self.lf { return true }
        return b == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf
    }

    private func checkLength(start: Int, line: Int) throws {
        if position - start > maxLineLength {
            throw DataError.malformedRow(
                file: file, line: line, reason: "the record is longer than the limit of \(maxLineLength) bytes")
        }
    }
}
