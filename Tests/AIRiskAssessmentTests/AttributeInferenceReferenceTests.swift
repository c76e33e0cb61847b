import AIRiskAssessment
import AIRiskCatalog
import AIRiskProbes
import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

/// Attribute inference against the independent numpy/onnxruntime implementation of Fredrikson's estimator
/// (scripts/reference_attribute_inference.py): a random forest that uses a categorical "employment" column and
/// memorises its members, and one trained with that column shuffled, on the same credit-like table.
@Suite("Attribute inference against the independent numpy reference")
struct AttributeInferenceReferenceTests {
    struct Figures {
        var correct: Int
        var baseline: Int
        var records: Int
    }

    static func reference(_ name: String) throws -> (members: Figures, nonMembers: Figures, candidates: [Double]) {
        let url = FixtureModels.directory.appendingPathComponent("reference_attribute_inference.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = json as? [String: Any], let candidates = root["candidates"] as? [Double],
            let models = root["models"] as? [String: Any], let model = models[name] as? [String: [String: Int]]
        else { throw CocoaError(.fileReadCorruptFile) }
        func figures(_ split: String) throws -> Figures {
            guard let f = model[split], let c = f["correct"], let b = f["baseline_correct"], let n = f["records"]
            else { throw CocoaError(.fileReadCorruptFile) }
            return Figures(correct: c, baseline: b, records: n)
        }
        return (try figures("members"), try figures("nonmembers"), candidates)
    }

    func run(_ name: String) async throws -> AttributeInference.Result {
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        let publicData = try nonMembers.appending(try FixtureModels.data(name, "population"))
        return try await AttributeInference(configuration: .init(feature: 0, name: "employment")).run(
            model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
            nonMembers: nonMembers, publicData: publicData)
    }

    @Test(
        "the same guesses as the reference, record for record in count, on both forests",
        arguments: ["attribute_leaky", "attribute_blind"])
    func matchesReference(name: String) async throws {
        let reference = try Self.reference(name)
        let result = try await run(name)
        #expect(result.categorical)
        #expect(result.candidates.map(Double.init) == reference.candidates)
        #expect(result.usedScores)
        // A forest's probabilities are sums of leaf values: float32 here, float32 in onnxruntime, but summed in
        // another order; a near tie between two candidates may fall the other way for a record or two.
        #expect(abs(result.members.correct - reference.members.correct) <= 2, "\(result.members)")
        #expect(abs(result.nonMembers.correct - reference.nonMembers.correct) <= 2, "\(result.nonMembers)")
        #expect(result.baselineMembers.correct == reference.members.baseline)
        #expect(result.baselineNonMembers.correct == reference.nonMembers.baseline)
        #expect(result.rowsQueried == 3 * (reference.members.records + reference.nonMembers.records))
    }

    @Test(
        "a continuous feature is guessed among decile bins, black-box and refined white-box alike",
        arguments: [0, 7])
    func continuousWhiteBox(feature: Int) async throws {
        let name = "logreg_breast_cancer"
        let nonMembers = try FixtureModels.data(name, "nonmembers")
        let publicData = try nonMembers.appending(try FixtureModels.data(name, "population"))
        func run(steps: Int) async throws -> AttributeInference.Result {
            var config = AttributeInference.Configuration(feature: feature, name: "f\(feature)")
            config.refinementSteps = steps
            return try await AttributeInference(configuration: config).run(
                model: try FixtureModels.access(name), members: try FixtureModels.data(name, "members"),
                nonMembers: nonMembers, publicData: publicData)
        }
        let blackBox = try await run(steps: 0)
        let whiteBox = try await run(steps: 30)
        #expect(!blackBox.categorical && blackBox.candidates.count == 10)
        #expect(!blackBox.usedGradients && whiteBox.usedGradients)
        // Measured: the refinement moves a record or three either way (the bins' MAP is near its optimum).
        #expect(
            abs(whiteBox.members.correct - blackBox.members.correct) <= 8, "\(whiteBox.members) \(blackBox.members)")
        #expect(whiteBox.baselineMembers == blackBox.baselineMembers)
    }

    @Test("leakage is claimed against the marginal guess only where the model uses the feature")
    func claimsOnlyRealLeakage() async throws {
        let leaky = try await run("attribute_leaky")
        #expect(leaky.members.interval.lower > leaky.baselineMembers.interval.estimate, "\(leaky.members)")
        let blind = try await run("attribute_blind")
        #expect(blind.members.interval.lower <= blind.baselineMembers.interval.estimate, "\(blind.members)")
        #expect(blind.members.correct <= blind.baselineMembers.correct + 3)
    }
}

/// `--sensitive-feature` through an assessment: the attribute figure becomes the inversion finding's headline.
@Suite("Attribute inference in an assessment")
struct AttributeInferenceAssessmentTests {
    func assess(_ name: String, feature: String) async throws -> AssessmentResults {
        var plan = fixturePlan(name, profile: .quick, probes: [.inversion])
        plan.sensitiveFeature = feature
        return try await Assessor(catalog: try Catalog.bundled()).run(plan)
    }

    @Test("a model that uses the feature is scored on it; one that cannot use it is a note")
    func headline() async throws {
        let leaky = try await assess("attribute_leaky", feature: "0")
        let finding = try #require(leaky.findings.first { $0.probeID == "inversion" })
        #expect(finding.headline?.id == .inversionAttributeAccuracy)
        #expect(finding.severity > .note, "\(finding.rationale)")
        let probe = try #require(leaky.probes.first { $0.id == "inversion" })
        #expect(probe.tables.contains { $0.id == .inversionAttributeTable })
        #expect(probe.metrics.contains { $0.id == .inversionAttributeNonMemberAccuracy })
        // One headline: the reconstructions' accuracy is a plain metric now.
        #expect(probe.metrics.filter { $0.name.hasPrefix("Headline: ") }.count == 1)

        let blind = try await assess("attribute_blind", feature: "feature_0")
        let note = try #require(blind.findings.first { $0.probeID == "inversion" })
        #expect(note.headline?.id == .inversionAttributeAccuracy)
        #expect(note.severity == .note, "\(note.rationale)")
    }

    @Test("a pandas pipeline with categorical inputs, where reconstructions cannot run, is scored on the attribute")
    func categoricalPipeline() async throws {
        let dir = FixtureModels.directory.appendingPathComponent("pipelines")
        func csv(_ split: String) -> AssessmentPlan.DataSource {
            .init(url: dir.appendingPathComponent("credit_pipeline.\(split).csv"), labelColumn: "default")
        }
        var plan = AssessmentPlan(
            modelURL: dir.appendingPathComponent("credit_pipeline.onnx"), members: csv("members"),
            nonMembers: csv("nonmembers"), population: csv("population"), probes: [.inversion], profile: .quick,
            seed: 7)
        plan.sensitiveFeature = "housing"
        let results = try await Assessor(catalog: try Catalog.bundled()).run(plan)
        let probe = try #require(results.probes.first { $0.id == "inversion" })
        #expect(probe.status == .ran)
        #expect(probe.notes.first?.hasPrefix("no reconstruction: inversion searches a continuous input space") == true)
        let finding = try #require(results.findings.first { $0.probeID == "inversion" })
        #expect(finding.headline?.id == .inversionAttributeAccuracy)
        #expect(finding.headline?.basis?.contains("'housing' guessed right") == true)

        // Without a sensitive feature the probe is skipped, as before.
        plan.sensitiveFeature = nil
        let skipped = try await Assessor(catalog: try Catalog.bundled()).run(plan)
        let none = try #require(skipped.probes.first { $0.id == "inversion" })
        #expect(none.status != .ran)
    }

    @Test("a feature that is neither a column name nor an index ends the assessment naming the option")
    func unknownFeature() async throws {
        await #expect {
            _ = try await assess("attribute_blind", feature: "income")
        } throws: { error in
            "\(error)".contains("--sensitive-feature") && "\(error)".contains("feature_0")
        }
    }
}
