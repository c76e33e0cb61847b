import Foundation
import Testing

@testable import AIRiskProbes

@Suite("RMIA")
struct MembershipRMIATests {
    @Test("score(x) is the share of population ratios at most Ratio(x) / γ")
    func pairwiseShare() {
        let s = RMIAAttack.scores(xRatios: [0.5, 1, 2, 10], zRatios: [1, 2, 3, 4], gamma: 1)
        #expect(s == [0, 0.25, 0.5, 1])
        let strict = RMIAAttack.scores(xRatios: [2], zRatios: [1, 2, 3, 4], gamma: 2)
        #expect(strict == [0.25])
    }

    /// Two models on two records: record 0 is IN for model 0, record 1 for model 1.
    static let refs = LiRAReferenceSet(
        phi: [[0, 0], [0, 0]], isIn: [[true, false], [false, true]], probability: [[0.75, 0.25], [0.25, 0.75]],
        populationProbability: [[0.5, 0.5], [0.5, 0.5]])

    @Test("online: Pr(x) over all models; offline: ½((1 + a)·Pr_OUT(x) + (1 − a))")
    func priors() {
        // Pr(x) = 0.5 for both records and Pr(z) = 0.5: Ratio(x) = 1 and 0.5, Ratio(z) = 1 and 1.5.
        let online = RMIAAttack.online(targetX: [0.5, 0.25], targetZ: [0.5, 0.75], Self.refs)
        #expect(online == [0.5, 0])
        // a = 1: Pr(x) is the OUT model's p_y, 0.25 for both: Ratio(x) = 2 and 1; Pr(z) = 0.5.
        let offline = RMIAAttack.offline(targetX: [0.5, 0.25], targetZ: [0.5, 0.75], Self.refs, a: 1)
        #expect(offline.scores == [1, 0.5])
        #expect(offline.fallbacks == 0)
        #expect(abs(RMIAAttack.offlinePrior(0.4, a: 0) - 0.7) < 1e-12)
    }

    @Test("a complementary pair cannot calibrate a: every record one model scores has no other OUT model")
    func pairCannotCalibrate() {
        #expect(RMIAAttack.calibrateA(Self.refs) == nil)
    }

    @Test("members.txt: integers one per line; bad values and duplicates are named with their line")
    func parsing() throws {
        #expect(try ReferenceModel.trainingRows(parsing: "3\n 1 \r\n\n7\n", file: "r.members.txt") == [3, 1, 7])
        #expect(throws: MembershipProbeError.self) { try ReferenceModel.trainingRows(parsing: "1\n1.5\n", file: "f") }
        do {
            _ = try ReferenceModel.trainingRows(parsing: "4\n2\n4\n", file: "f.members.txt")
            Issue.record("a duplicate row was accepted")
        } catch {
            #expect(error.description.contains("f.members.txt") && error.description.contains("lines 1 and 3"))
        }
    }
}
