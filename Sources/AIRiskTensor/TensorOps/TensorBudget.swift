/// The engine's ceiling on the size of one value: every kernel that can make an output larger than
/// its inputs (broadcasting, Expand, ConstantOfShape, Concat, Gather, MatMul, Gemm, Conv and the
/// pools) checks the output against it before allocating, and ``GraphSizePass`` checks every value it
/// can size against the same ceiling before a graph runs at all.
package enum TensorBudget {
    /// The largest value in bytes, once held in the engine's element types: 2 GiB.
    package static let maxBytes = 2 << 30

    /// The bytes one element of `kind` takes in memory (a string counts as its 16-byte reference).
    package static func elementBytes(_ kind: ElementKind) -> Int {
        switch kind {
        case .float: 4
        case .double: 8
        case .int64: 8
        case .bool: 1
        case .string: 16
        }
    }

    /// The bytes a tensor of `shape` and `kind` needs, or nil when a dimension is negative or the
    /// product overflows.
    package static func bytes(_ shape: [Int], _ kind: ElementKind) -> Int? {
        guard let count = Shape.checkedCount(shape) else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: elementBytes(kind))
        return overflow ? nil : bytes
    }

    /// Whether a tensor of `shape` and `kind` fits under `limit` bytes.
    package static func fits(_ shape: [Int], _ kind: ElementKind, limit: Int = maxBytes) -> Bool {
        guard let b = bytes(shape, kind) else { return false }
        return b <= limit
    }

    /// The product of `values`, or nil on overflow or a negative factor.
    static func product(_ values: Int...) -> Int? { Shape.checkedCount(values) }

    /// A description of the size of `shape` for error messages: its bytes, or "more than 2^63".
    static func describe(_ shape: [Int], _ kind: ElementKind) -> String {
        bytes(shape, kind).map { "\($0) bytes" } ?? "more than \(Int.max) bytes"
    }
}
