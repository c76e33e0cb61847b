import Foundation

/// The one JSON writer: every JSON airisk emits (reports, command output, request bodies, the audit log) is
/// written here, with one quoting rule and one number form, so that the same value is always the same bytes.
///
/// Strings never carry a control character raw (C0, DEL, C1, bidirectional controls, U+2028/U+2029 are `\uXXXX`)
/// and markup characters are escaped too, so the JSON can be pasted into HTML safely. Numbers are written in
/// their shortest round-tripping form; non-finite doubles become the strings `"NaN"`, `"Infinity"` and
/// `"-Infinity"`, as JSON has no literal for them.
package enum JSONWriter {
    /// `value` with two-space indentation, object keys in their given order, and a final newline.
    package static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: 0)
        return out + "\n"
    }

    /// `value` on one line with no spaces (request bodies, JSON-lines logs).
    package static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out, indent: nil)
        return out
    }

    /// A Codable value as pretty JSON with sorted keys, ISO 8601 dates, base64 data and non-finite numbers as
    /// strings; the control characters `JSONEncoder` leaves raw (DEL, C1, bidirectional) are escaped after it.
    package static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.dataEncodingStrategy = .base64
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return ControlCharacters.jsonEscaped(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `s` as a JSON string literal, quotes included.
    package static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if ControlCharacters.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += ControlCharacters.jsonEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A finite double in its shortest form: integral values below 1e15 without a fraction (`3`, not `3.0`).
    /// Nil for NaN and ±infinity.
    package static func number(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
    }

    /// A finite float in its shortest form (`0.1`, not the double `0.10000000149011612`): integral values below
    /// 1e7 without a fraction. Nil for NaN and ±infinity.
    package static func number(_ f: Float) -> String? {
        guard f.isFinite else { return nil }
        return f == f.rounded() && abs(f) < 1e7 ? String(Int(f)) : f.description
    }

    private static func write(_ value: JSONValue, to out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d) ?? quote(d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity"))
        case .string(let s): out += quote(s)
        case .array(let items):
            container("[", "]", items.count, to: &out, indent: indent) { i, out, inner in
                write(items[i], to: &out, indent: inner)
            }
        case .object(let members):
            container("{", "}", members.count, to: &out, indent: indent) { i, out, inner in
                out += quote(members[i].0) + (inner == nil ? ":" : ": ")
                write(members[i].1, to: &out, indent: inner)
            }
        }
    }

    private static func container(
        _ open: String, _ close: String, _ count: Int, to out: inout String, indent: Int?,
        item: (Int, inout String, Int?) -> Void
    ) {
        guard count > 0 else {
            out += open + close
            return
        }
        guard let indent else {
            out += open
            for i in 0..<count {
                if i > 0 { out += "," }
                item(i, &out, nil)
            }
            out += close
            return
        }
        out += open + "\n"
        for i in 0..<count {
            out += String(repeating: " ", count: indent + 2)
            item(i, &out, indent + 2)
            out += i + 1 < count ? ",\n" : "\n"
        }
        out += String(repeating: " ", count: indent) + close
    }
}
