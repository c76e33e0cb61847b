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
        // Each class judged against what public data gives: the non-members' class mean.
        let perClass = try #require(inversion.tables.first { $0.id == .inversionPerClassTable })
        #expect(perClass.columns.last == "Beyond public data")
        let verdicts = perClass.rows.compactMap { row -> String? in
            if case .text(let s) = row.last { return s }
            return nil
        }
        #expect(verdicts.count == 10 && verdicts.allSatisfy { $0 == "yes" || $0 == "no" })
        let share = try #require(inversion.metrics.first { $0.id == .inversionClassesBeyondPublic })
        #expect(share.value == Double(verdicts.filter { $0 == "yes" }.count) / 10)

        // The members the headline attack singles out, drawn as the 8×8 digits they are, in the table's order.
        let membership = try #require(results.probes.first { $0.id == "membership" })
        let exposed = try #require(membership.tables.first { $0.title.hasPrefix("Most exposed member records") })
        #expect(exposed.columns == ["Member index", "Label", "Score"])
        #expect(membership.images.count == 10)
        for (image, row) in zip(membership.images, exposed.rows) {
            guard case .number(let index) = row[0], case .number(let label) = row[1] else {
                Issue.record("row \(row) is not numeric")
                continue
            }
            #expect(image.title == "Member \(Int(index))")
            #expect(image.classLabel == String(Int(label)))
            #expect(image.width == 128 && image.height == 128)
        }
    }

    @Test("a tabular model's most exposed members are listed, not drawn")
    func tabularMembersNotDrawn() async throws {
        let assessor = Assessor(catalog: try Catalog.bundled())
        let results = try await assessor.run(fixturePlan("logreg_breast_cancer", probes: [.membership]))
        let membership = try #require(results.probes.first { $0.id == "membership" })
        #expect(membership.status == .ran)
        #expect(membership.images.isEmpty)
        #expect(membership.tables.contains { $0.title.hasPrefix("Most exposed member records") })
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
