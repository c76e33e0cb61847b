import AIRiskAccess
import AIRiskTensor
import Testing

/// A fixed three-class model: row r answers the probabilities of `table[r % table.count]`.
private struct TableModel: ModelAccess {
    var table: [[Float]]
    var kind: OutputKind = .probabilities

    var description: ModelDescription {
        ModelDescription(
            name: "table", inputShape: [2], outputKind: kind, outputWidth: table[0].count, providesInputGradients: true)
    }

    func predict(_ batch: Tensor) async throws -> ModelOutput {
        let x = batch.floats ?? []
        let rows = batch.shape[0]
        var scores: [Float] = []
        var labels: [Int] = []
        for r in 0..<rows {
            let row = table[Int(x[r * 2]) % table.count]
            scores += row
            labels.append(row.indices.max { row[$0] < row[$1] } ?? 0)
        }
        return ModelOutput(kind: kind, rows: rows, scores: scores, width: row0Width, labels: labels)
    }

    var row0Width: Int { table[0].count }
}

private let model = TableModel(table: [[0.71, 0.2, 0.09], [0.05, 0.15, 0.8], [0.34, 0.33, 0.33]])
private let batch = Tensor(shape: [3, 2], scalars: [0, 0, 1, 0, 2, 0])

@Suite("Output defenses")
struct OutputDefenseTests {
    @Test("rounding to one decimal keeps labels and hides fine confidences")
    func round() async throws {
        let out = try await RoundedScoresModel(model, decimals: 1).predict(batch)
        #expect(out.scores.map { ($0 * 10).rounded() / 10 } == out.scores)
        #expect(out.scores[0] == 0.7 && out.scores[2] == 0.1)
        #expect(out.labels == [0, 2, 0], "the tie 0.3/0.3/0.3 goes to the undefended label")
    }

    @Test("top-1 zeroes the other classes without renormalising")
    func topK() async throws {
        let out = try await TopKScoresModel(model, k: 1).predict(batch)
        #expect(Array(out.scores[0..<3]) == [0.71, 0, 0])
        #expect(Array(out.scores[3..<6]) == [0, 0, 0.8])
        #expect(out.labels == [0, 2, 0])
        let two = try await TopKScoresModel(model, k: 2).predict(batch)
        #expect(Array(two.scores[0..<3]) == [0.71, 0.2, 0])
    }

    @Test("label-only answers carry no scores")
    func labelOnly() async throws {
        let out = try await LabelsOnlyModel(model).predict(batch)
        #expect(out.kind == .labels && out.scores.isEmpty && out.labels == [0, 2, 0])
    }

    @Test("noise is renormalised and repeatable for the same row, different for different seeds")
    func noise() async throws {
        let defense = NoisyScoresModel(model, scale: 0.05, seed: 3)
        let a = try await defense.predict(batch)
        let b = try await defense.predict(batch)
        #expect(a == b, "the same question gets the same answer")
        for r in 0..<3 {
            let sum = a.row(r).reduce(0, +)
            #expect(abs(sum - 1) < 1e-5)
            #expect(a.row(r).allSatisfy { $0 >= 0 })
        }
        #expect(a.scores != model.table.flatMap { $0 })
        let other = try await NoisyScoresModel(model, scale: 0.05, seed: 4).predict(batch)
        #expect(other.scores != a.scores)
        let laplace = try await NoisyScoresModel(model, scale: 0.05, distribution: .laplace, seed: 3).predict(batch)
        #expect(laplace.scores != a.scores)
    }

    @Test("temperature flattens the scores but keeps the order")
    func temperature() async throws {
        let out = try await TemperatureScaledModel(model, temperature: 4).predict(batch)
        #expect(out.scores[0] < 0.71 && out.scores[0] > out.scores[1])
        #expect(abs(out.row(0).reduce(0, +) - 1) < 1e-5)
        #expect(out.labels == [0, 2, 0])
    }

    @Test("reverse-sigmoid perturbs the scores, keeps them a distribution and keeps the top label")
    func reverseSigmoid() async throws {
        let out = try await ReverseSigmoidModel(model, beta: 0.5, gamma: 0.5).predict(batch)
        #expect(out.scores != model.table.flatMap { $0 })
        for r in 0..<3 { #expect(abs(out.row(r).reduce(0, +) - 1) < 1e-5) }
        #expect(out.labels[0] == 0 && out.labels[1] == 2)
    }

    @Test("no defense passes input gradients on, and logits become probabilities")
    func descriptions() async throws {
        let logits = TableModel(table: [[2, 1, 0]], kind: .logits)
        let all: [any OutputDefense] = [
            RoundedScoresModel(logits, decimals: 2), TopKScoresModel(logits, k: 1), LabelsOnlyModel(logits),
            NoisyScoresModel(logits, scale: 0.1), TemperatureScaledModel(logits, temperature: 2),
            ReverseSigmoidModel(logits), ScoresOnlyModel(logits),
        ]
        for d in all {
            #expect(!d.description.providesInputGradients, "\(d.setting)")
            #expect(d.description.accessLevel != .whiteBox)
            await #expect(throws: ModelAccessError.self) {
                _ = try await d.valueAndInputGradient(batch) { _ in [] }
            }
        }
        let p = try await RoundedScoresModel(logits, decimals: 2).predict(Tensor(shape: [1, 2], scalars: [0, 0]))
        #expect(p.kind == .probabilities)
        #expect(abs(p.scores.reduce(0, +) - 1) < 0.02)
        #expect(p.scores[0] == 0.67)
    }
}
