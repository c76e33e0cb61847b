/// The small subset of Python literal syntax that appears in a .npy header: a dict with string keys whose
/// values are strings, booleans, integers, tuples and lists. Parsed without evaluating anything.
indirect enum PythonLiteral: Equatable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(String, PythonLiteral)])

    static func == (lhs: PythonLiteral, rhs: PythonLiteral) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)): a == b
        case (.dict(let a), .dict(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// A short rendering for error messages.
    var summary: String {
        switch self {
        case .string(let s): "'\(s)'"
        case .bool(let b): b ? "True" : "False"
        case .integer(let i): String(i)
        case .tuple(let items): "(" + items.map(\.summary).joined(separator: ", ") + ")"
        case .list(let items): "[" + items.map(\.summary).joined(separator: ", ") + "]"
        case .dict: "{…}"
        }
    }
}

/// Why a header literal could not be parsed; the reader wraps it in a ``DataError`` naming the file.
struct PythonLiteralError: Error {
    var reason: String
}

/// A recursive-descent parser over the ASCII bytes of a header.
struct PythonLiteralParser {
    private let bytes: [UInt8]
    private var position = 0
    private static let maxDepth = 16

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses exactly one literal, allowing only whitespace around it.
    static func parse(_ bytes: [UInt8]) throws -> PythonLiteral {
        var parser = PythonLiteralParser(bytes)
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw PythonLiteralError(reason: "unexpected text after the dictionary at byte \(parser.position)")
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw PythonLiteralError(
                reason: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(position)")
        }
        position += 1
    }

    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func parseValue(depth: Int) throws -> PythonLiteral {
        guard depth < Self.maxDepth else { throw PythonLiteralError(reason: "nesting too deep") }
        guard let c = peek() else { throw PythonLiteralError(reason: "unexpected end of header") }
        switch c {
        case UInt8(ascii: "{"): return try parseDict(depth: depth)
        case UInt8(ascii: "("):
            return .tuple(try parseSequence(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), depth: depth))
        case UInt8(ascii: "["):
            return .list(try parseSequence(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: depth))
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseInteger()
        default:
            if matchWord("True") { return .bool(true) }
            if matchWord("False") { return .bool(false) }
            throw PythonLiteralError(
                reason: "unexpected character '\(Character(Unicode.Scalar(c)))' at byte \(position)")
        }
    }

    private mutating func matchWord(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else { return false }
        let after = position + w.count
        if after < bytes.count, Self.isIdentifierByte(bytes[after]) { return false }
        position = after
        return true
    }

    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    private mutating func parseDict(depth: Int) throws -> PythonLiteral {
        try expect(UInt8(ascii: "{"))
        var entries: [(String, PythonLiteral)] = []
        while true {
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .dict(entries)
            }
            guard case .string(let key) = try parseValue(depth: depth + 1) else {
                throw PythonLiteralError(reason: "dictionary keys must be strings")
            }
            if entries.contains(where: { $0.0 == key }) {
                throw PythonLiteralError(reason: "key '\(key)' appears twice")
            }
            try expect(UInt8(ascii: ":"))
            entries.append((key, try parseValue(depth: depth + 1)))
            guard let next = peek() else { throw PythonLiteralError(reason: "unterminated dictionary") }
            if next == UInt8(ascii: ",") {
                position += 1
            } else if next != UInt8(ascii: "}") {
                throw PythonLiteralError(reason: "expected ',' or '}' at byte \(position)")
            }
        }
    }

    private mutating func parseSequence(open: UInt8, close: UInt8, depth: Int) throws -> [PythonLiteral] {
        try expect(open)
        var items: [PythonLiteral] = []
        while true {
            if peek() == close {
                position += 1
                return items
            }
            items.append(try parseValue(depth: depth + 1))
            guard let next = peek() else { throw PythonLiteralError(reason: "unterminated tuple or list") }
            if next == UInt8(ascii: ",") {
                position += 1
            } else if next != close {
                throw PythonLiteralError(reason: "expected ',' or a closing bracket at byte \(position)")
            }
        }
    }

    private mutating func parseString() throws -> String {
        let quote = bytes[position]
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == quote { return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard position < bytes.count else { break }
                out.append(bytes[position])
                position += 1
            } else if b == 0x0A {
                break
            } else {
                out.append(b)
            }
        }
        throw PythonLiteralError(reason: "unterminated string")
    }

    private mutating func parseInteger() throws -> PythonLiteral {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var value = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[position] - 0x30))
            guard !o1, !o2 else { throw PythonLiteralError(reason: "integer too large at byte \(start)") }
            value = a
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw PythonLiteralError(reason: "expected a number at byte \(start)") }
        // Python 2 wrote long integers with an 'L' suffix.
        if position < bytes.count, bytes[position] == UInt8(ascii: "L") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: "e") {
            throw PythonLiteralError(reason: "expected an integer at byte \(start)")
        }
        return .integer(negative ? -value : value)
    }
}
