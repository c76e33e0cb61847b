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
                throw ProbeError.invalidData("data rows do not have \(d) float features each")
            }
            guard data.labels.count == data.count else {
                throw ProbeError.invalidData("\(data.count) rows but \(data.labels.count) labels")
            }
            return (0..<data.count).map { Array(v[($0 * d)..<(($0 + 1) * d)]) }
        }
        func means(_ rows: [[Float]], _ labels: [Int]) -> [Int: [Float]] {
            var sums: [Int: [Double]] = [:]
            var counts: [Int: Int] = [:]
            for (r, y) in zip(rows, labels) {
                var s = sums[y] ?? [Double](repeating: 0, count: d)
                for j in 0..<d { s[j] += Double(r[j]) }
                sums[y] = s
                counts[y, default: 0] += 1
            }
            return sums.mapValues { _ in [] }.reduce(into: [:]) { out, kv in
                let n = Double(counts[kv.key] ?? 1)
                out[kv.key] = (sums[kv.key] ?? []).map { Float($0 / n) }
            }
        }
        var popSum = [Double](repeating: 0, count: d)
        if let members {
            let r = try rows(members)
            memberMeans = means(r, members.labels)
            for (row, y) in zip(r, members.labels) { membersByClass[y, default: []].append(row) }
            for row in r { for j in 0..<d { popSum[j] += Double(row[j]) } }
            total += r.count
        }
        if let nonMembers {
            let r = try rows(nonMembers)
            nonMemberMeans = means(r, nonMembers.labels)
            for row in r { for j in 0..<d { popSum[j] += Double(row[j]) } }
            total += r.count
        }
        if total > 0 { populationMean = popSum.map { Float($0 / Double(total)) } }
    }
}
