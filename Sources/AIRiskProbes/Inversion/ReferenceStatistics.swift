import AIRiskTensor

/// Per-class means of the member and non-member data, and the population mean, that
/// reconstructions are compared with.
struct ReferenceStatistics {
    var memberMeans: [Int: [Float]] = [:]
    var nonMemberMeans: [Int: [Float]] = [:]
    var membersByClass: [Int: [[Float]]] = [:]
    var populationMean: [Float]

    init(members: LabeledData?, nonMembers: LabeledData?, featureCount d: Int) throws {
        populationMean = [Float](repeating: 0, count: d)
        var total = 0
        func rows(_ data: LabeledData) throws -> [[Float]] {
            guard let v = data.features.floats, data.count * d == v.count else {
                throw ProbeError.featureCountMismatch(
                    data: "reference data", expected: d, found: data.count > 0 ? data.features.count / data.count : nil)
            }
            guard data.labels.count == data.count else {
                throw ProbeError.labelCountMismatch(data: "reference data", rows: data.count, labels: data.labels.count)
            }
            return (0..<data.count).map { Array(v[($0 * d)..<(($0 + 1) * d)]) }
        }
        // Means over the values present: a missing (non-finite) value stays out of its feature's mean.
        func means(_ rows: [[Float]], _ labels: [Int]) -> [Int: [Float]] {
            var sums: [Int: [Double]] = [:]
            var counts: [Int: [Int]] = [:]
            for (r, y) in zip(rows, labels) {
                var s = sums[y] ?? [Double](repeating: 0, count: d)
                var c = counts[y] ?? [Int](repeating: 0, count: d)
                for j in 0..<d where r[j].isFinite {
                    s[j] += Double(r[j])
                    c[j] += 1
                }
                sums[y] = s
                counts[y] = c
            }
            return sums.reduce(into: [:]) { out, kv in
                let c = counts[kv.key] ?? []
                out[kv.key] = kv.value.indices.map { Float(kv.value[$0] / Double(max(c[$0], 1))) }
            }
        }
        var popSum = [Double](repeating: 0, count: d)
        var popCount = [Int](repeating: 0, count: d)
        func addToPopulation(_ r: [[Float]]) {
            for row in r {
                for j in 0..<d where row[j].isFinite {
                    popSum[j] += Double(row[j])
                    popCount[j] += 1
                }
            }
            total += r.count
        }
        if let members {
            let r = try rows(members)
            memberMeans = means(r, members.labels)
            for (row, y) in zip(r, members.labels) { membersByClass[y, default: []].append(row) }
            addToPopulation(r)
        }
        if let nonMembers {
            let r = try rows(nonMembers)
            nonMemberMeans = means(r, nonMembers.labels)
            addToPopulation(r)
        }
        if total > 0 { populationMean = popSum.indices.map { Float(popSum[$0] / Double(max(popCount[$0], 1))) } }
    }
}
