import AIRiskAccess
import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

@Suite("Inversion probe on the fixtures")
struct InversionFixtureTests {
    let name = "softmax_digits"

    func inputs() throws -> (LabeledData, LabeledData, FeatureRange) {
        let members = try FixtureModels.data(name, "members")
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        return (members, nonMembers, try FeatureRange(observing: try members.appending(nonMembers).features))
    }

    @Test("white-box inversion of the softmax digits model reaches every class and resembles its mean")
    func whiteBox() async throws {
        let (members, nonMembers, range) = try inputs()
        var config = InversionConfiguration()
        config.seed = 1
        let result = try await InversionProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: members, nonMembers: nonMembers, range: range)
        #expect(result.access == .whiteBox)
        #expect(result.classes.count == 10)
        #expect(result.imageShape == [1, 8, 8])
        for c in result.classes {
            #expect(c.targetConfidence >= 0.9, "class \(c.targetClass): confidence \(c.targetConfidence)")
            let sim = try #require(c.similarity)
            let random = try #require(c.randomBaseline)
            #expect(sim.cosineToClassMean > random.cosineToClassMean + 0.05, "class \(c.targetClass) cosine")
            #expect(
                sim.centredCosineToClassMean > random.centredCosineToClassMean + 0.3, "class \(c.targetClass) centred")
        }
        #expect(result.queries.gradientCalls > 0)
    }

    @Test("black-box inversion reaches most classes from confidence scores, counting every query")
    func blackBox() async throws {
        let (members, nonMembers, range) = try inputs()
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.restarts = 1
        config.maxIterations = 100
        config.samplesPerEstimate = 10
        config.queryBudget = 30_000
        config.seed = 2
        let result = try await InversionProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: members, nonMembers: nonMembers, range: range)
        #expect(result.access == .scores)
        #expect(result.targetSuccessRate >= 0.8, "reached \(result.targetSuccessRate)")
        #expect(result.queries.gradientCalls == 0)
        #expect(result.queries.rows > 0 && result.queries.rows <= 30_000)
        let centred: [Double] = result.classes.compactMap { $0.similarity?.centredCosineToClassMean }
        let random: [Double] = result.classes.compactMap { $0.randomBaseline?.centredCosineToClassMean }
        let meanCentred: Double = centred.reduce(0, +) / Double(max(centred.count, 1))
        let meanRandom: Double = random.reduce(0, +) / Double(max(random.count, 1))
        #expect(meanCentred > meanRandom + 0.2)
    }

    @Test("black-box, the public-data prior reaches centred cosine 0.85 within 10,000 queries (issue 20)")
    func blackBoxWithinTenThousandQueries() async throws {
        let (members, nonMembers, _) = try inputs()
        let publicData = try nonMembers.appending(try FixtureModels.data(name, "population"))
        let range = try FeatureRange(observing: try members.appending(publicData).features)
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.restarts = 1
        config.samplesPerEstimate = 10
        config.queryBudget = 10_000
        config.seed = 0
        let result = try await InversionProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: members, nonMembers: nonMembers, range: range,
            publicData: publicData)
        #expect(result.access == .scores)
        #expect(result.queries.gradientCalls == 0)
        #expect(result.queries.rows > 0 && result.queries.rows <= 10_000)
        var scores: [Double] = []
        for c in result.classes {
            let sim = try #require(c.similarity?.centredCosineToClassMean)
            let random = try #require(c.randomBaseline?.centredCosineToClassMean)
            #expect(sim > random + 0.5, "class \(c.targetClass): \(sim) against random \(random)")
            scores.append(sim)
        }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        #expect(mean >= 0.85, "mean centred cosine \(mean) after \(result.queries.rows) queries")
    }

    @Test("surrogate transfer: a copy trained on the target's labels is inverted, then refined, every query counted")
    func surrogateTransfer() async throws {
        let (members, nonMembers, _) = try inputs()
        let publicData = try nonMembers.appending(try FixtureModels.data(name, "population"))
        let range = try FeatureRange(observing: try members.appending(publicData).features)
        var config = InversionConfiguration()
        config.forceBlackBox = true
        config.surrogateTransfer = true
        config.restarts = 1
        config.samplesPerEstimate = 10
        config.queryBudget = 10_000
        config.seed = 0
        let result = try await InversionProbe(configuration: config).run(
            model: try FixtureModels.access(name), members: members, nonMembers: nonMembers, range: range,
            publicData: publicData)
        #expect(result.method.hasPrefix("surrogate transfer"))
        #expect(result.notes.contains { $0.contains("labelled 1197 public rows") })
        #expect(result.queries.gradientCalls == 0)
        #expect(result.queries.rows > 1197 && result.queries.rows <= 10_000)
        let scores = result.classes.compactMap { $0.similarity?.centredCosineToClassMean }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        #expect(scores.count == 10)
        #expect(mean >= 0.85, "mean centred cosine \(mean) after \(result.queries.rows) queries")
    }

    @Test("a labels-only endpoint gets no inversion, and the report says why")
    func labelsOnly() async throws {
        let (members, nonMembers, range) = try inputs()
        let result = try await InversionProbe().run(
            model: LabelsOnlyModel(try FixtureModels.access(name)), members: members, nonMembers: nonMembers,
            range: range)
        #expect(result.classes.isEmpty)
        #expect(result.notApplicableReason != nil)
        #expect(result.queries.rows == 0)
    }
}
