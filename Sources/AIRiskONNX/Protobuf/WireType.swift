/// The protobuf wire types that carry a value (groups, types 3 and 4, are deprecated and rejected).
enum WireType: UInt8, CustomStringConvertible {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5

    var description: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "fixed64"
        case .lengthDelimited: "length-delimited"
        case .fixed32: "fixed32"
        }
    }
}
