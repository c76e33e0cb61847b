/// The class labels a classifier operator declares (`classlabels_int64s` or `classlabels_strings`).
package enum ONNXClassLabels: Sendable, Equatable {
    case int64([Int64])
    case strings([String])

    package var count: Int {
        switch self {
        case .int64(let v): v.count
        case .strings(let v): v.count
        }
    }
}
