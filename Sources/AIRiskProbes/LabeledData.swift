import AIRiskTensor

/// Records with their true class labels: the unit every probe takes its data in.
///
/// `features` has shape `[n, d…]` (one row per record, any row shape) and holds Float32 values;
/// `labels` has one class index per row.
package struct LabeledData: Sendable, Equatable {
    package var features: Tensor
    /// One class index per row; empty for regression data.
    package var labels: [Int]
    /// The regression targets, row-major: ``targetWidth`` per row (k for a k-output regressor), or nil for
    /// classification data.
    package var targets: [Float]?

    /// Checks that `features` is a Float32 tensor with one label (or, for regression data, one
    /// target) per row.
    package init(features: Tensor, labels: [Int], targets: [Float]? = nil) throws {
        guard features.floats != nil else {
            throw LabeledDataError.notFloat(elementType: features.elementTypeName)
        }
        let rows = features.shape.first ?? 0
        if let targets {
            guard rows > 0 ? targets.count % rows == 0 && !targets.isEmpty : targets.isEmpty,
                labels.isEmpty || labels.count == rows
            else {
                throw LabeledDataError.rowMismatch(rows: rows, labels: targets.count)
            }
        } else {
            guard features.shape.first != nil, rows == labels.count else {
                throw LabeledDataError.rowMismatch(rows: rows, labels: labels.count)
            }
        }
        self.features = features
        self.labels = labels
        self.targets = targets
    }

    /// Number of records.
    package var count: Int { features.shape.first ?? 0 }

    /// The shape of one record (without the row dimension).
    package var rowShape: [Int] { Array(features.shape.dropFirst()) }

    /// Regression targets per record (1 for a single-output regressor), 0 for classification data.
    package var targetWidth: Int {
        guard let targets, count > 0 else { return 0 }
        return targets.count / count
    }

    /// Scalars per record.
    package var rowWidth: Int { rowShape.reduce(1, *) }

    /// The flat Float32 values, row-major.
    package var scalars: [Float] { features.floats ?? [] }

    /// The records at `indices`, in that order.
    package func subset(_ indices: [Int]) -> LabeledData {
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
            unchecked: Tensor(shape: [indices.count] + rowShape, scalars: out),
            labels: labels.isEmpty ? [] : indices.map { labels[$0] },
            targets: targets.map { t in
                let k = targetWidth
                return indices.flatMap { i in t[(i * k)..<((i + 1) * k)] }
            })
    }

    /// The records of `self` followed by those of `other` (same row shape).
    package func appending(_ other: LabeledData) throws -> LabeledData {
        guard other.rowShape == rowShape else {
            throw LabeledDataError.shapeMismatch(first: rowShape, second: other.rowShape)
        }
        return LabeledData(
            unchecked: Tensor(shape: [count + other.count] + rowShape, scalars: scalars + other.scalars),
            labels: labels + other.labels,
            targets: targets.flatMap { a in other.targets.map { a + $0 } })
    }

    init(unchecked features: Tensor, labels: [Int], targets: [Float]? = nil) {
        self.features = features
        self.labels = labels
        self.targets = targets
    }
}
