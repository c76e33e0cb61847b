import AIRiskAccess
import AIRiskTensor
import Testing

@testable import AIRiskProbes

@Suite("Membership probe")
struct MembershipProbeTests {
    @Test("every attack detects an overfit MLP; LiRA runs with 4 reference models")
    func detectsLeakage() async throws {
        let model = try await MembershipFixture.leakyModel()
        let result = try await MembershipProbe(configuration: MembershipFixture.configuration()).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
            population: MembershipFixture.population)
        #expect(result.skipped.isEmpty)
        #expect(result.attacks.map(\.attack) == MembershipAttack.classifierAttacks)
        #expect(result.memberAccuracy > 0.95)
        #expect(result.accuracyGap > 0.2)
        #expect(result.referenceModelCount == 4)
        #expect(result.shadowModelCount == 2)
        #expect(result.accessLevel == .scores)
        for a in result.attacks {
            #expect(a.metrics.auc > 0.6, "\(a.name): AUC \(a.metrics.auc)")
            #expect(a.metrics.lowFPR.count == 3)
            #expect(a.metrics.lowFPR.allSatisfy { $0.negatives == 120 })
        }
        for attack in [MembershipAttack.confidence, .loss, .modifiedEntropy, .liraOnline] {
            let auc = try #require(result.result(for: attack)).metrics.auc
            #expect(auc > 0.75, "\(attack): AUC \(auc)")
        }
        let online = try #require(result.result(for: .liraOnline))
        #expect(online.notes.contains { $0.contains("4 reference models") })
        // The target was queried once on the 240 records, plus the boundary attack's perturbations and RMIA's
        // population rows z.
        #expect(result.queries.rows == 240 + 240 * 5 * 4 + MembershipFixture.population.count)
        #expect(result.metricDefinitions.count >= 8)
    }

    @Test("a model that never saw the members gives AUC ≈ ½ for every attack")
    func noLeakage() async throws {
        let result = try await MembershipProbe(configuration: MembershipFixture.configuration()).run(
            model: MembershipOracleModel(task: MembershipFixture.task), members: MembershipFixture.members,
            nonMembers: MembershipFixture.nonMembers, population: MembershipFixture.population)
        #expect(result.attacks.count == MembershipAttack.classifierAttacks.count)
        // Under no leakage the AUC's standard deviation with 120 + 120 records is about 0.037.
        for a in result.attacks {
            #expect(abs(a.metrics.auc - 0.5) < 0.12, "\(a.name): AUC \(a.metrics.auc)")
            #expect(a.metrics.lowFPR[2].tpr.lower < 0.1 + 1e-9 || a.metrics.lowFPR[2].tpr.estimate < 0.3)
        }
        #expect(abs(result.accuracyGap) < 0.15)
    }

    @Test("a labels-only model gets only the label-only attacks, and the result says why")
    func labelsOnly() async throws {
        let model = MembershipLabelsOnlyModel(base: try await MembershipFixture.leakyModel())
        let result = try await MembershipProbe(configuration: MembershipFixture.configuration()).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
            population: nil)
        #expect(result.accessLevel == .labelsOnly)
        #expect(result.attacks.map(\.attack) == [.gap, .boundaryDistance])
        #expect(Set(result.skipped.map(\.attack)) == Set(MembershipAttack.classifierAttacks.filter(\.needsScores)))
        #expect(result.skipped.allSatisfy { $0.reason.contains("labels only") })
        #expect(try #require(result.result(for: .gap)).metrics.auc > 0.6)
        #expect(result.referenceModelCount == 0)
    }

    @Test("the same seed gives identical scores and metrics")
    func determinism() async throws {
        let model = try await MembershipFixture.leakyModel()
        let config = MembershipFixture.configuration([.shadowModel, .liraOnline, .liraOffline, .boundaryDistance])
        let probe = MembershipProbe(configuration: config)
        let a = try await probe.run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers, population: nil)
        let b = try await probe.run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers, population: nil)
        #expect(a.attacks.count == 4)
        for (x, y) in zip(a.attacks, b.attacks) {
            #expect(x.memberScores == y.memberScores)
            #expect(x.nonMemberScores == y.nonMemberScores)
            #expect(x.metrics == y.metrics)
        }
        #expect(a.notes.contains { $0.contains("no population set") })
        var other = config
        other.seed = 8
        let c = try await MembershipProbe(configuration: other).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers, population: nil)
        #expect(c.attacks[1].memberScores != a.attacks[1].memberScores)
    }

    @Test("the query budget is never exceeded: the boundary attack shrinks or is skipped")
    func budget() async throws {
        let model = MembershipOracleModel(task: MembershipFixture.task)
        var config = MembershipFixture.configuration([.gap, .boundaryDistance])
        config.queryBudget = 240 + 240 * 5 * 2
        let reduced = try await MembershipProbe(configuration: config).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers, population: nil)
        #expect(reduced.queries.rows == 240 + 240 * 5 * 2)
        #expect(try #require(reduced.result(for: .boundaryDistance)).notes.contains { $0.contains("2 of 4") })
        config.queryBudget = 300
        let none = try await MembershipProbe(configuration: config).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers, population: nil)
        #expect(none.queries.rows == 240)
        #expect(none.skipped.map(\.attack) == [.boundaryDistance])
    }

    @Test("a small population is topped up for the shadow models, and the result says so")
    func smallPopulation() async throws {
        let model = try await MembershipFixture.leakyModel()
        let result = try await MembershipProbe(configuration: MembershipFixture.configuration([.shadowModel])).run(
            model: model, members: MembershipFixture.members, nonMembers: MembershipFixture.nonMembers,
            population: MembershipFixture.population.subset(Array(0..<40)))
        let shadow = try #require(result.result(for: .shadowModel))
        #expect(shadow.notes.contains { $0.contains("smaller than twice the member count") })
        #expect(shadow.notes.contains { $0.contains("trained on 120 of 280 pool records") })
        #expect(result.populationCount == 40)
    }

    @Test("mismatched inputs are rejected with a message naming the data set")
    func badInput() async throws {
        let wrong = try LabeledData(
            features: Tensor(shape: [2, 3], scalars: [Float](repeating: 0, count: 6)), labels: [0, 1])
        await #expect(throws: MembershipProbeError.self) {
            _ = try await MembershipProbe().run(
                model: MembershipOracleModel(task: MembershipFixture.task), members: wrong,
                nonMembers: MembershipFixture.nonMembers, population: nil)
        }
    }
}
