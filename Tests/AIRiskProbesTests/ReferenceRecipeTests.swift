import AIRiskAccess
import Testing

@testable import AIRiskProbes

@Suite("Reference recipe")
struct ReferenceRecipeTests {
    static let defaults = ReferenceRecipe(epochs: 60, l2: 0, learningRate: 1e-3, batchSize: 64)

    @Test("--reference-recipe: keys given replace the profile's, the others stay")
    func parse() throws {
        let r = try ReferenceRecipe.parse("epochs=400, l2=0.0001,lr=0.01,optimizer=Adam", defaults: Self.defaults)
        #expect(r == ReferenceRecipe(epochs: 400, l2: 1e-4, learningRate: 0.01, batchSize: 64))
        #expect(try ReferenceRecipe.parse("batch=200", defaults: Self.defaults).batchSize == 200)
    }

    @Test(
        "bad recipes are errors naming the key",
        arguments: ["epochs=0", "epochs=many", "l2=-1", "lr=0", "batch=", "optimizer=sgd", "momentum=0.9", "epochs"])
    func rejects(text: String) {
        do {
            _ = try ReferenceRecipe.parse(text, defaults: Self.defaults)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains("reference recipe"), "\(error)")
        }
    }

    @Test("calibration keeps the candidate whose losses come closest to an overfit target's, and records it")
    func calibration() async throws {
        let target = try await MembershipFixture.leakyModel()
        var config = MembershipFixture.configuration([.rmiaOnline])
        config.referenceModelCount = 2
        config.referenceRecipeCandidates = [
            ReferenceRecipe(epochs: 5, learningRate: 1e-2, batchSize: 32),
            ReferenceRecipe(epochs: 200, learningRate: 1e-2, batchSize: 32),
        ]
        let result = try await MembershipProbe(configuration: config).run(
            model: target, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
            population: MembershipFixture.population)
        let match = try #require(result.referenceRecipeMatch)
        // The target trained 200 epochs: 5 epochs leave the member loss far above the target's.
        #expect(match.recipe.epochs == 200)
        #expect(match.referenceMemberLoss < match.targetNonMemberLoss)
        #expect(result.notes.contains { $0.contains("reference recipe calibrated to the target") })
        #expect(result.referenceOrigin?.contains("200 epochs") == true)
    }

    @Test("a recipe given by the user is used as it is, without calibration")
    func userRecipe() async throws {
        var config = MembershipFixture.configuration([.rmiaOnline])
        config.referenceModelCount = 2
        config.referenceRecipe = ReferenceRecipe(epochs: 7, learningRate: 1e-2, batchSize: 32)
        config.referenceRecipeCandidates = [ReferenceRecipe(epochs: 5)]
        let result = try await MembershipProbe(configuration: config).run(
            model: try await MembershipFixture.leakyModel(), members: MembershipFixture.members,
            nonMembers: MembershipFixture.nonMembers, population: MembershipFixture.population)
        #expect(result.referenceRecipeMatch == nil)
        #expect(result.notes.contains { $0.contains("given by the user: Adam, 7 epochs") })
        #expect(result.referenceOrigin?.contains("7 epochs") == true)
    }
}
