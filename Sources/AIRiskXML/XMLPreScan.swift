import Foundation

/// A linear pass over a document's bytes before it is parsed: the size ceiling, and the number of
/// attributes of every start tag (counted as `=` signs outside quoted values; comments, CDATA
/// sections, processing instructions and declarations are skipped).
enum XMLPreScan {
    static func check(_ data: Data, fileName: String, limits: XMLLimits) throws(XMLError) {
        guard data.count <= limits.maxBytes else {
            throw tooLarge(
                fileName, "the document is \(data.count) bytes, more than the \(limits.maxBytes) bytes airisk reads")
        }
        let offender: (offset: Int, count: Int)? = data.withUnsafeBytes { raw in
            scan(raw, limit: limits.maxAttributesPerElement)
        }
        if let offender {
            let line = data.prefix(offender.offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw XMLError.malformed([
                XMLDiagnostic(
                    file: fileName, line: line,
                    message: "an element carries more than \(limits.maxAttributesPerElement) attributes "
                        + "(the ceiling of XMLLimits.maxAttributesPerElement); the file is damaged or hostile")
            ])
        }
    }

    static func tooLarge(_ fileName: String, _ what: String) -> XMLError {
        .malformed([
            XMLDiagnostic(
                file: fileName, line: 0, message: what + " (the ceiling of XMLLimits.maxBytes); is it the right file?")
        ])
    }

    /// The offset of the first start tag with more than `limit` attributes, and its count so far.
    static func scan(_ b: UnsafeRawBufferPointer, limit: Int) -> (offset: Int, count: Int)? {
        let n = b.count
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "=")
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        func starts(_ i: Int, _ s: StaticString) -> Bool {
            let len = s.utf8CodeUnitCount
            guard i + len <= n else { return false }
            for k in 0..<len where b[i + k] != s.utf8Start[k] { return false }
            return true
        }
        /// The index just past the next occurrence of `s` at or after `i`, or n.
        func skip(past s: StaticString, from i: Int) -> Int {
            var j = i
            while j < n {
                if b[j] == s.utf8Start[0] && starts(j, s) { return j + s.utf8CodeUnitCount }
                j += 1
            }
            return n
        }
        var i = 0
        while i < n {
            guard b[i] == lt else {
                i += 1
                continue
            }
            if starts(i, "<!--") {
                i = skip(past: "-->", from: i + 4)
            } else if starts(i, "<![CDATA[") {
                i = skip(past: "]]>", from: i + 9)
            } else if starts(i, "<?") {
                i = skip(past: "?>", from: i + 2)
            } else if starts(i, "<!") || starts(i, "</") {
                i = skip(past: ">", from: i + 2)
            } else {
                let tag = i
                var count = 0
                var j = i + 1
                var inQuote: UInt8 = 0
                while j < n {
                    let c = b[j]
                    if inQuote != 0 {
                        if c == inQuote { inQuote = 0 }
                    } else if c == quote || c == apostrophe {
                        inQuote = c
                    } else if c == eq {
                        count += 1
                        if count > limit { return (tag, count) }
                    } else if c == gt {
                        break
                    }
                    j += 1
                }
                i = j + 1
            }
        }
        return nil
    }
}
