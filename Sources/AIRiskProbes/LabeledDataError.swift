/// Why a set of labelled records is unusable.
package enum LabeledDataError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFloat(elementType: String)
    case rowMismatch(rows: Int, labels: Int)
    case shapeMismatch(first: [Int], second: [Int])

    package var description: String {
        switch self {
        case .notFloat(let t): "features must be float32 values, not \(t)"
        case .rowMismatch(let r, let l): "features have \(r) rows but there are \(l) labels; they must match"
        case .shapeMismatch(let a, let b): "record shapes differ (\(a) vs \(b)); all data sets must share one shape"
        }
    }
}
