/// One cell of a ``ResultTable``: text or a number (numbers are formatted by each renderer).
package enum TableCell: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)

    package init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        }
    }
}
