/// The labels a classical-ML classifier outputs: `classlabels_ints` / `classlabels_int64s` or
/// `classlabels_strings`.
enum MLClassLabels: Sendable {
    case ints([Int64])
    case strings([String])

    var count: Int {
        switch self {
        case .ints(let v): v.count
        case .strings(let v): v.count
        }
    }

    init(_ attributes: MLAttributes, intsName: String) throws {
        let ints = try attributes.int64s(intsName) ?? []
        let strings = try attributes.strings("classlabels_strings") ?? []
        if !ints.isEmpty && !strings.isEmpty {
            throw attributes.invalid(intsName, "and classlabels_strings are both set; exactly one is allowed")
        }
        self = strings.isEmpty ? .ints(ints) : .strings(strings)
    }

    /// The label tensor for the given class indices.
    func tensor(indices: [Int]) -> Tensor {
        switch self {
        case .ints(let v): Tensor(shape: [indices.count], int64: indices.map { v[$0] })
        case .strings(let v): Tensor(shape: [indices.count], storage: .string(indices.map { v[$0] }))
        }
    }
}
