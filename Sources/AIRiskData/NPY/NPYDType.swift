/// The element type of a .npy array, parsed from the header's `descr` string (e.g. `<f4`, `>i8`, `|b1`).
package struct NPYDType: Sendable, Equatable, CustomStringConvertible {
    /// The family of an element type.
    package enum Kind: Sendable, Equatable {
        case float
        case signed
        case unsigned
        case bool
    }

    package var kind: Kind
    /// Bytes per element.
    package var itemSize: Int
    /// Whether multi-byte elements are stored most-significant byte first.
    package var isBigEndian: Bool

    package init(kind: Kind, itemSize: Int, isBigEndian: Bool = false) {
        self.kind = kind
        self.itemSize = itemSize
        self.isBigEndian = isBigEndian
    }

    /// numpy's name for the type: float16 … float64, int8 … int64, uint8 … uint64, bool.
    package var description: String {
        switch kind {
        case .float: "float\(itemSize * 8)"
        case .signed: "int\(itemSize * 8)"
        case .unsigned: "uint\(itemSize * 8)"
        case .bool: "bool"
        }
    }

    /// The `descr` string numpy writes for this type, with an explicit byte order.
    package var descr: String {
        let order = itemSize == 1 ? "|" : (isBigEndian ? ">" : "<")
        switch kind {
        case .float: return "\(order)f\(itemSize)"
        case .signed: return "\(order)i\(itemSize)"
        case .unsigned: return "\(order)u\(itemSize)"
        case .bool: return "|b1"
        }
    }

    /// Parses a numpy type string. `file` names the file in errors.
    init(descr: String, file: String) throws {
        var chars = Substring(descr)
        var bigEndian = false
        var explicitNotApplicable = false
        switch chars.first {
        case "<": chars.removeFirst()
        case ">":
            bigEndian = true
            chars.removeFirst()
        case "=": chars.removeFirst()  // native order; every platform Swift runs this on is little-endian
        case "|":
            explicitNotApplicable = true
            chars.removeFirst()
        default: break
        }
        guard let code = chars.first else {
            throw DataError.unsupportedDType(file: file, descr: descr, reason: "empty type code")
        }
        switch code {
        case "c":
            throw DataError.unsupportedDType(file: file, descr: descr, reason: "complex numbers are not supported")
        case "O":
            throw DataError.unsupportedDType(
                file: file, descr: descr,
                reason: "object arrays hold pickled Python objects, which are never loaded; save a numeric array")
        case "U", "S", "a":
            throw DataError.unsupportedDType(
                file: file, descr: descr, reason: "string arrays are not supported; encode labels as integers")
        case "M", "m":
            throw DataError.unsupportedDType(file: file, descr: descr, reason: "dates and times are not supported")
        default:
            break
        }
        let sizeText = chars.dropFirst()
        guard let size = Int(sizeText), size > 0 else {
            throw DataError.unsupportedDType(
                file: file, descr: descr, reason: "expected a type code followed by a byte size, e.g. '<f4'")
        }
        let kind: Kind
        switch code {
        case "f":
            guard [2, 4, 8].contains(size) else {
                throw DataError.unsupportedDType(
                    file: file, descr: descr, reason: "only float16, float32 and float64 are supported")
            }
            kind = .float
        case "i", "u":
            guard [1, 2, 4, 8].contains(size) else {
                throw DataError.unsupportedDType(
                    file: file, descr: descr, reason: "integers must be 1, 2, 4 or 8 bytes")
            }
            kind = code == "i" ? .signed : .unsigned
        case "b", "?":
            guard size == 1 else {
                throw DataError.unsupportedDType(file: file, descr: descr, reason: "booleans must be 1 byte")
            }
            kind = .bool
        default:
            throw DataError.unsupportedDType(file: file, descr: descr, reason: "unknown type code '\(code)'")
        }
        if explicitNotApplicable && size > 1 {
            throw DataError.unsupportedDType(
                file: file, descr: descr, reason: "byte order '|' is only valid for 1-byte types")
        }
        self.init(kind: kind, itemSize: size, isBigEndian: size > 1 && bigEndian)
    }
}
