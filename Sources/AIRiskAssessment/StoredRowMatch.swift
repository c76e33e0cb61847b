import Foundation

/// Which data rows a model file holds verbatim (issue 18, point 7): each row of the members and non-members is
/// looked up among the model's ``StoredRowTable``s, value for value to six significant digits (the file keeps
/// float32 copies of what may have been float64 data).
struct StoredRowMatch {
    /// The tables' rows by their rounded values.
    private var index: [[Float]: String] = [:]

    init(_ tables: [StoredRowTable], width: Int) {
        for table in tables where table.width == width && width > 0 {
            for r in 0..<table.rowCount {
                let key = Self.key(table.values[(r * width)..<((r + 1) * width)])
                if index[key] == nil { index[key] = table.origin }
            }
        }
    }

    var isEmpty: Bool { index.isEmpty }

    /// The rows of `values` (row-major, `width` per row) found in the model, with the table each was found in.
    func found(in values: [Float], width: Int) -> [(row: Int, origin: String)] {
        guard width > 0, !index.isEmpty else { return [] }
        var out: [(Int, String)] = []
        for r in 0..<(values.count / width) {
            if let origin = index[Self.key(values[(r * width)..<((r + 1) * width)])] { out.append((r, origin)) }
        }
        return out
    }

    /// A row's values rounded to six significant digits (NaN and infinities as they are).
    static func key(_ row: ArraySlice<Float>) -> [Float] {
        row.map { v in
            guard v.isFinite, v != 0 else { return v }
            let scale = Float(pow(10, Double(5 - Int(floor(log10(Double(abs(v))))))))
            return (v * scale).rounded() / scale
        }
    }
}
