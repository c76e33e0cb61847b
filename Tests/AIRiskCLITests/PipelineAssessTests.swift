import AIRiskResults
import AIRiskTestSupport
import ArgumentParser
import Foundation
import Testing

@testable import AIRiskCLI

private let pipelines = FixtureModels.directory.appendingPathComponent("pipelines")

/// A scikit-learn credit pipeline converted from a pandas DataFrame, assessed from the CSV files
/// `DataFrame.to_csv` wrote, as a user runs it (issue 18).
@Suite("assess a DataFrame pipeline")
struct PipelineAssessTests {
    @Test(
        "--profile quick runs membership and extraction on a six-input pipeline from its pandas CSV files",
        arguments: ["credit_pipeline", "credit_pipeline_f32"])
    func assessesPipeline(model: String) async throws {
        let results = try await Self.assess(
            model: model, data: "credit_pipeline", extension: "csv", extra: ["--label-column", "default"])
        // The forest memorises its 300 members (train accuracy 1.0, test 0.67): membership must see it.
        let auc = try #require(results.findings.first { $0.probeID == "membership" }?.headline?.value)
        #expect(auc > 0.7, "membership AUC \(auc) on a forest that memorised its members")
    }

    @Test(
        "--profile quick runs membership and extraction on SVMs answering decision scores",
        arguments: [
            ("linsvc_binary", "breast_cancer_scaled"), ("linsvc_iris", "iris"), ("svc_binary", "breast_cancer_scaled"),
        ])
    func assessesDecisionScoreModels(model: String, data: String) async throws {
        let results = try await Self.assess(model: model, data: data, extension: "npz", extra: [])
        #expect(results.model.outputKind == "logits")
    }

    @Test(
        "gradient-boosted trees trained with missing values are assessed on their data as it is, every figure finite",
        arguments: ["xgboost_nan", "lightgbm_nan", "catboost_nan"])
    func assessesWithMissingValues(model: String) async throws {
        let results = try await Self.assess(model: model, data: "breast_cancer_nan", extension: "npz", extra: [])
        #expect(results.warnings.contains { $0.contains("missing (NaN or infinite) feature value") })
        for finding in results.findings {
            let value = try #require(finding.headline?.value)
            #expect(value.isFinite, "\(finding.probeID): headline \(value)")
        }
        for probe in results.probes {
            for metric in probe.metrics { #expect(!metric.value.isNaN, "\(probe.id): \(metric.name) is NaN") }
        }
    }

    @Test(
        "PyTorch's default export of an MLP and of a BERT-style encoder on token ids: membership and extraction run",
        arguments: [("mlp_digits", "digits"), ("tiny_bert", "tokens")])
    func assessesTorchExports(model: String, data: String) async throws {
        let results = try await Self.assess(
            model: model, data: data, extension: "npz", extra: [],
            folder: FixtureModels.directory.appendingPathComponent("torch"))
        #expect(results.model.outputKind == "logits")
    }

    @Test(
        "an SVC's support vectors and a kNN's reference set: the warnings count the members the file holds verbatim",
        arguments: [("svc_binary", 90), ("knn_binary", 300)])
    func storedMembers(model: String, stored: Int) async throws {
        let results = try await Self.assess(model: model, data: "breast_cancer_scaled", extension: "npz", extra: [])
        #expect(
            results.warnings.contains { $0.contains("holds \(stored) of the 300 member records verbatim") },
            "\(results.warnings)")
        #expect(!results.warnings.contains { $0.contains("non-member records verbatim") })
    }

    static func assess(
        model: String, data: String, extension ext: String, extra: [String], folder: URL = pipelines
    ) async throws -> AssessmentResults {
        try await QuickAssessment.run(model: model, data: data, extension: ext, in: folder, extra: extra)
    }
}
