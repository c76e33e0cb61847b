import AIRiskTensor

/// Records with their true class labels: the unit every probe takes its data in.
///
/// `features` has shape `[n, d…]` (one row per record, any row shape) and holds Float32 values;
/// `labels` has one class index per row.
public struct LabeledData: Sendable, Equatable {
    public var features: Tensor
    public var labels: [Int]

    /// Checks that `features` is a Float32 tensor with one row per label.
    public init(features: Tensor, labels: [Int]) throws {
        guard features.floats != nil else {
            throw LabeledDataError.notFloat(elementType: features.elementTypeName)
        }
        guard let rows = features.shape.first, rows == labels.count else {
            throw LabeledDataError.rowMismatch(rows: features.shape.first ?? 0, labels: labels.count)
        }
        self.features = features
        self.labels = labels
    }

    /// Number of records.
    public var count: Int { labels.count }

    /// The shape of one record (without the row dimension).
    public var rowShape: [Int] { Array(features.shape.dropFirst()) }

    /// Scalars per record.
    public var rowWidth: Int { rowShape.reduce(1, *) }

    /// The flat Float32 values, row-major.
    public var scalars: [Float] { features.floats ?? [] }

    /// The records at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabeledData {
        let width = rowWidth
        let source = scalars
        var out = [Float](repeating: 0, count: indices.count * width)
        out.withUnsafeMutableBufferPointer { dst in
            source.withUnsafeBufferPointer { src in
                for (r, i) in indices.enumerated() {
                    for j in 0..<width { dst[r &* width &+ j] = src[i &* width &+ j] }
                }
            }
        }
        return LabeledData(
            unchecked: Tensor(shape: [indices.count] + rowShape, scalars: out), labels: indices.map { labels[$0] })
    }

    /// The records of `self` followed by those of `other` (same row shape).
    public func appending(_ other: LabeledData) throws -> LabeledData {
        guard other.rowShape == rowShape else {
            throw LabeledDataError.shapeMismatch(first: rowShape, second: other.rowShape)
        }
        return LabeledData(
            unchecked: Tensor(shape: [count + other.count] + rowShape, scalars: scalars + other.scalars),
            labels: labels + other.labels)
    }

    init(unchecked features: Tensor, labels: [Int]) {
        self.features = features
        self.labels = labels
    }
}
