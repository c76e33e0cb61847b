import AIRiskAccess
import AIRiskTensor
import Foundation

/// Attribute inference (Fredrikson et al. 2014; OWASP ML03 scenario 1), the tabular form of model inversion:
/// knowing a record's other features and its label, the attacker asks the model about the record once per
/// candidate value of a sensitive feature and keeps the value the answers favour most.
///
/// With scores, the guess maximises p_y(x with v) · prior(v), the prior being v's share of the attacker's public
/// data (Fredrikson's maximum a posteriori estimator). With labels only, it is the most common v whose answer is
/// the true label (the most common v overall when none is). A feature with at most ``Configuration/maxCategories``
/// distinct values in the public data is guessed among them; a continuous one among the public data's decile bins
/// (each tried at its median), and a guess is right when it names the record's bin.
///
/// The figure that matters is against the guess without the model: every record gets the public data's most
/// common value (bin). Members and non-members are measured alike: a model that lets the attacker infer the
/// feature for members only leaks its training data; one that does so for anyone leaks the population's
/// correlations, which is still the attacker's gain from the model.
package struct AttributeInference: Sendable {
    package struct Configuration: Sendable {
        /// The column of the sensitive feature in a row.
        package var feature: Int
        /// Its name, for the results.
        package var name: String
        /// At most this many distinct public values make the feature categorical.
        package var maxCategories = 20
        /// Bins of a continuous feature (quantiles of the public data).
        package var bins = 10
        /// Rows the attack may send at most; records beyond it are left out (and said).
        package var queryBudget: Int?
        package var batchRows = 1024
        /// White-box, continuous features: steps of sign ascent on log p_y + log prior along the feature from
        /// the best candidate (0 keeps the candidates' answer).
        package var refinementSteps = 30

        package init(feature: Int, name: String) {
            self.feature = feature
            self.name = name
        }
    }

    /// Right guesses over records, with a Clopper–Pearson 95 % interval.
    package struct Outcome: Sendable, Equatable {
        package var correct: Int
        package var total: Int
        package var interval: ProportionInterval

        init(correct: Int, total: Int) {
            self.correct = correct
            self.total = total
            interval = ClopperPearson.interval(successes: correct, trials: total)
        }
    }

    package struct Result: Sendable, Equatable {
        package var feature: Int
        package var name: String
        /// Whether the candidates are the feature's distinct values (else decile bins' medians).
        package var categorical: Bool
        package var candidates: [Float]
        package var members: Outcome
        package var nonMembers: Outcome
        /// The public data's most common value (bin) guessed for every member, and for every non-member.
        package var baselineMembers: Outcome
        package var baselineNonMembers: Outcome
        /// Whether the guesses used scores (else labels only).
        package var usedScores: Bool
        /// Whether a continuous feature's guesses were refined along the model's input gradient (white-box).
        package var usedGradients: Bool
        package var rowsQueried: Int
        package var notes: [String]
    }

    package var configuration: Configuration

    package init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The candidate values and a record value's class among them.
    struct Candidates {
        var values: [Float]
        var prior: [Double]
        var categorical: Bool
        /// Upper edges of the bins but the last (continuous features).
        var edges: [Float]

        func index(of v: Float) -> Int {
            if categorical {
                var best = 0
                for k in values.indices where abs(values[k] - v) < abs(values[best] - v) { best = k }
                return best
            }
            var k = 0
            while k < edges.count && v > edges[k] { k += 1 }
            return k
        }

        init(_ column: [Float], feature: Int, maxCategories: Int, bins: Int) throws {
            let finite = column.filter(\.isFinite).sorted()
            guard !finite.isEmpty else {
                throw ProbeError.noFiniteValue(feature: feature, data: "the public data")
            }
            var distinct: [Float] = []
            for v in finite where distinct.last != v {
                distinct.append(v)
                if distinct.count > maxCategories { break }
            }
            if distinct.count <= maxCategories {
                categorical = true
                values = distinct
                edges = []
            } else {
                categorical = false
                var e: [Float] = []
                for q in 1..<max(bins, 2) {
                    let edge = finite[min(finite.count - 1, q * finite.count / bins)]
                    if e.last != edge { e.append(edge) }
                }
                edges = e
                var members = [[Float]](repeating: [], count: e.count + 1)
                for v in finite {
                    var k = 0
                    while k < e.count && v > e[k] { k += 1 }
                    members[k].append(v)
                }
                let kept = members.filter { !$0.isEmpty }
                values = kept.map { $0[$0.count / 2] }
                if kept.count != members.count {
                    // Empty bins (ties at an edge): rebuild the edges from the kept bins' ranges.
                    edges = kept.dropLast().map { $0[$0.count - 1] }
                }
            }
            prior = []
            var counts = [Double](repeating: 0, count: values.count)
            for v in finite { counts[index(of: v)] += 1 }
            prior = counts.map { $0 / Double(finite.count) }
        }
    }

    package func run(
        model: any ModelAccess, members: LabeledData, nonMembers: LabeledData, publicData: LabeledData
    ) async throws -> Result {
        let c = configuration
        let d = members.rowWidth
        guard c.feature >= 0, c.feature < d else {
            throw ProbeError.featureOutOfRange(feature: c.feature, features: d)
        }
        let publicScalars = publicData.scalars
        let publicColumn = stride(from: c.feature, to: publicScalars.count, by: d).map { publicScalars[$0] }
        let candidates = try Candidates(publicColumn, feature: c.feature, maxCategories: c.maxCategories, bins: c.bins)
        let k = candidates.values.count
        var notes: [String] = []
        let counting = CountingModel(model)
        var rows = [members.count, nonMembers.count]
        if let budget = c.queryBudget {
            let affordable = budget / max(k, 1)
            if affordable < rows[0] + rows[1] {
                rows[0] = min(rows[0], affordable / 2 + max(0, affordable / 2 - rows[1]))
                rows[1] = min(rows[1], affordable - rows[0])
                notes.append(
                    "the query budget of \(budget) rows allows \(k) candidate values for \(affordable) records: "
                        + "\(rows[0]) members and \(rows[1]) non-members were attacked")
            }
        }
        let mode = candidates.prior.indices.max { candidates.prior[$0] < candidates.prior[$1] } ?? 0
        var usedScores = true
        let desc = model.description
        let refine = !candidates.categorical && desc.providesInputGradients && c.refinementSteps > 0
        var usedGradients = false
        let lo = candidates.values.first ?? 0
        let hi = candidates.values.last ?? 0
        let publicMin = publicColumn.filter(\.isFinite).min() ?? lo
        let publicMax = publicColumn.filter(\.isFinite).max() ?? hi
        /// White-box refinement: sign ascent on log p_y(x with v) + log prior(bin of v) along the feature.
        func refined(_ data: LabeledData, count n: Int, start: [Float], xs: [Float]) async throws -> [Float] {
            var rows = Array(xs[0..<(n * d)])
            var v = start
            var best = start
            var bestScore = [Double](repeating: -.infinity, count: n)
            let step = (publicMax - publicMin) / 20
            let labels = Array(data.labels[0..<n])
            let kind = desc.outputKind
            for iteration in 0...c.refinementSteps {
                for r in 0..<n { rows[r * d + c.feature] = v[r] }
                let (out, grad) = try await counting.valueAndInputGradient(
                    Tensor(shape: [n] + data.rowShape, scalars: rows)
                ) { out in Descent.negativeLogSeed(out, targets: labels, kind: kind) }
                let p = Descent.probabilities(out)
                let g = grad.floats ?? []
                let w = out.width
                for r in 0..<n {
                    let y = labels[r]
                    let own = y >= 0 && y < w ? Double(p[r * w + y]) : 0
                    let score = log(max(own, 1e-30)) + log(max(candidates.prior[candidates.index(of: v[r])], 1e-12))
                    if score > bestScore[r] {
                        bestScore[r] = score
                        best[r] = v[r]
                    }
                    guard iteration < c.refinementSteps, g.count == n * d else { continue }
                    let ascent = -g[r * d + c.feature]
                    if ascent != 0 { v[r] = min(max(v[r] + (ascent > 0 ? step : -step), publicMin), publicMax) }
                }
            }
            usedGradients = true
            return best
        }
        func attack(_ data: LabeledData, count n: Int) async throws -> (Outcome, Outcome) {
            guard n > 0 else { return (Outcome(correct: 0, total: 0), Outcome(correct: 0, total: 0)) }
            let xs = data.scalars
            var variants = [Float](repeating: 0, count: n * k * d)
            for r in 0..<n {
                for j in 0..<k {
                    let base = (r * k + j) * d
                    for f in 0..<d { variants[base + f] = xs[r * d + f] }
                    variants[base + c.feature] = candidates.values[j]
                }
            }
            let out = try await counting.predict(
                scalars: variants, rows: n * k, rowShape: data.rowShape, batchRows: c.batchRows)
            let lp = LogProbabilities(out)
            let predicted = lp == nil ? ModelQuery.labels(out) : []
            if lp == nil { usedScores = false }
            var right = 0
            var baseline = 0
            var guesses = [Int](repeating: mode, count: n)
            for r in 0..<n {
                let y = data.labels[r]
                let truth = candidates.index(of: xs[r * d + c.feature])
                var best = mode
                var bestScore = -Double.infinity
                for j in 0..<k {
                    let logPrior = log(max(candidates.prior[j], 1e-12))
                    let score: Double
                    if let lp {
                        score =
                            (y >= 0 && y < lp.width ? lp.values[(r * k + j) * lp.width + y] : LogProbabilities.floor)
                            + logPrior
                    } else {
                        // The true label first, the prior among equals.
                        score = (predicted[r * k + j] == y ? 1_000 : 0) + logPrior
                    }
                    if score > bestScore {
                        bestScore = score
                        best = j
                    }
                }
                guesses[r] = best
                if mode == truth { baseline += 1 }
            }
            if refine, lp != nil {
                let start = guesses.map { candidates.values[$0] }
                let values = try await refined(data, count: n, start: start, xs: xs)
                guesses = values.map { candidates.index(of: $0) }
            }
            for r in 0..<n where guesses[r] == candidates.index(of: xs[r * d + c.feature]) { right += 1 }
            return (Outcome(correct: right, total: n), Outcome(correct: baseline, total: n))
        }
        let (m, mb) = try await attack(members, count: rows[0])
        let (o, ob) = try await attack(nonMembers, count: rows[1])
        return Result(
            feature: c.feature, name: c.name, categorical: candidates.categorical, candidates: candidates.values,
            members: m, nonMembers: o, baselineMembers: mb, baselineNonMembers: ob, usedScores: usedScores,
            usedGradients: usedGradients, rowsQueried: counting.count.rows, notes: notes)
    }
}
