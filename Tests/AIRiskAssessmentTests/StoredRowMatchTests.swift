import Testing

@testable import AIRiskAssessment

@Suite("rows stored in the model file")
struct StoredRowMatchTests {
    @Test("a row is found when every value agrees to six significant digits, and only then")
    func matchesToSixDigits() {
        let table = StoredRowTable(origin: "constant 'X' [2, 3]", values: [1.5, -2e-7, 1234.5678, 0, 3, 4], width: 3)
        let match = StoredRowMatch([table], width: 3)
        let rows: [Float] = [
            1.5, -2.0000001e-7, 1234.5679,  // float32 copy of float64 data: found
            0, 3, 4.001,  // one value differs: not found
            0, 3, 4,  // found
        ]
        let found = match.found(in: rows, width: 3)
        #expect(found.map(\.row) == [0, 2])
        #expect(found.allSatisfy { $0.origin == "constant 'X' [2, 3]" })
    }

    @Test("tables of another width are not rows of this model's input")
    func otherWidth() {
        let match = StoredRowMatch([StoredRowTable(origin: "w", values: [1, 2, 3, 4], width: 2)], width: 4)
        #expect(match.isEmpty)
    }
}
