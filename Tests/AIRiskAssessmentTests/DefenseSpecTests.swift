import AIRiskAccess
import AIRiskAssessment
import Testing

@Suite("defense specifications")
struct DefenseSpecTests {
    @Test("the --defenses list parses every defense and refuses bad items with the reason")
    func parse() throws {
        let specs = try DefenseSpec.parseList(
            "round:2, top:1,label-only,noise:0.05,laplace:0.1,temperature:4,reverse-sigmoid,query-limit:1000")
        #expect(
            specs == [
                .round(decimals: 2), .topK(1), .labelOnly, .noise(scale: 0.05, distribution: .gaussian),
                .noise(scale: 0.1, distribution: .laplace), .temperature(4), .reverseSigmoid(beta: 1, gamma: 0.1),
                .queryLimit(1000),
            ])
        #expect(
            specs.map(\.description).joined(separator: ",")
                == "round:2,top:1,label-only,noise:0.05,laplace:0.1,temperature:4,reverse-sigmoid:1:0.1,query-limit:1000"
        )
        #expect(try DefenseSpec.parse("reverse-sigmoid:0.7:0.2") == .reverseSigmoid(beta: 0.7, gamma: 0.2))
        let training = try DefenseSpec.parseList("l2:0.01,dp-sgd:1,dropout:0.5,early-stopping,early-stopping:3")
        #expect(
            training == [
                .l2(0.01), .dpSGD(epsilon: 1), .dropout(0.5), .earlyStopping(patience: DefenseSpec.defaultPatience),
                .earlyStopping(patience: 3),
            ])
        #expect(training.allSatisfy { $0.isTrainingDefense && !$0.isOutputDefense })
        #expect(training.map(\.description).last == "early-stopping:3")
        #expect(DefenseSpec.dropout(0.5).inapplicability(to: .regression) != nil)
        #expect(DefenseSpec.earlyStopping(patience: 2).inapplicability(to: .probabilities) == nil)
        for bad in [
            "round", "round:x", "top:0", "noise:-1", "label-only:3", "blur:2", "query-limit:0", "dropout:1",
            "dropout:0", "dropout", "early-stopping:0", "early-stopping:2:3",
        ] {
            #expect(throws: DefenseSpecError.self, "\(bad)") { try DefenseSpec.parse(bad) }
        }
        #expect(throws: DefenseSpecError.self) { try DefenseSpec.parseList(" , ") }
        #expect(DefenseSpec.labelOnly.inapplicability(to: .regression) != nil)
        #expect(DefenseSpec.round(decimals: 1).inapplicability(to: .regression) == nil)
    }
}
