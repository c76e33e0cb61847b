import AIRiskAssessment
import AIRiskCatalog
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

private let models = FixtureModels.directory

func fixturePlan(_ name: String, profile: Profile = .quick, probes: [ProbeKind] = ProbeKind.allCases) -> AssessmentPlan
{
    AssessmentPlan(
        modelURL: models.appendingPathComponent("\(name).onnx"),
        members: .init(url: models.appendingPathComponent("\(name).members.npz")),
        nonMembers: .init(url: models.appendingPathComponent("\(name).nonmembers.npz")),
        population: .init(url: models.appendingPathComponent("\(name).population.npz")), probes: probes,
        profile: profile, seed: 7)
}

@Suite("Assessor")
struct AssessorTests {
    @Test("a quick assessment of the overfit MLP runs every probe and scores each")
    func quickAssessment() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let results = try await assessor.run(fixturePlan("mlp_digits_overfit"))
        #expect(results.status == .complete)
        #expect(results.probes.map(\.id) == ["membership", "inversion", "extraction"])
        for p in results.probes { #expect(p.status == .ran, "\(p.id): \(p.status)") }
        #expect(results.findings.count == 3)
        #expect(results.findings.map(\.owasp.id).sorted() == ["ML03", "ML04", "ML05"])
        #expect(results.matrix.cells.count == 5)
        #expect(results.matrix.cells.filter(\.isAssessed).count == 2)
        #expect(results.dataSets.count == 3)
        #expect(results.model.sha256?.count == 64)
        let inversion = try #require(results.probes.first { $0.id == "inversion" })
        #expect(inversion.images.count == 20, "a reconstruction and a class mean per digit")
    }

    @Test("the same seed gives the same results")
    func deterministic() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled(), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let plan = fixturePlan("softmax_digits", probes: [.membership, .extraction])
        var a = try await assessor.run(plan)
        var b = try await assessor.run(plan)
        for i in a.probes.indices { a.probes[i].wallTimeSeconds = 0 }
        for i in b.probes.indices { b.probes[i].wallTimeSeconds = 0 }
        #expect(a == b)
    }

    @Test("data that does not fit the model is refused naming the file")
    func refusesMismatchedData() async throws {
        var plan = fixturePlan("softmax_digits")
        plan.members = .init(url: models.appendingPathComponent("logreg_breast_cancer.members.npz"))
        let assessor = Assessor(catalog: try Catalog.bundled())
        await #expect {
            _ = try await assessor.run(plan)
        } throws: { error in
            "\(error)".contains("logreg_breast_cancer.members.npz") && "\(error)".contains("64")
        }
    }
}
