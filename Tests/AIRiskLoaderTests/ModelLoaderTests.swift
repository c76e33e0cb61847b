import AIRiskAccess
import AIRiskAssessment
import AIRiskLoader
import AIRiskResults
import Foundation
import Testing

@Suite("Model loader")
struct ModelLoaderTests {
    static let models = ONNXArchitectureTests.models

    @Test("an ONNX file resolves to its access, identity and layer sizes, and --access keeps the layer sizes")
    func resolvesFile() throws {
        let url = Self.models.appendingPathComponent("mlp_digits_overfit.onnx")
        let loader = ModelLoader()
        let whiteBox = try loader.resolveFile(url, name: "target")
        #expect(whiteBox.access.description.accessLevel == .whiteBox)
        #expect(whiteBox.identity.name == "target" && whiteBox.identity.sourceKind == .file)
        #expect(whiteBox.identity.location == url.path)
        #expect(whiteBox.identity.sha256?.count == 64)
        #expect(whiteBox.identity.accessLevel == AccessLevel.whiteBox.rawValue)
        #expect(whiteBox.architecture == MLPArchitecture(hiddenSizes: [256]))
        #expect(whiteBox.usage == nil)

        for level in [AccessLevel.scores, .labelsOnly] {
            let restricted = try loader.resolveFile(url, access: level)
            #expect(restricted.access.description.accessLevel == level)
            #expect(!restricted.access.description.providesInputGradients)
            #expect(restricted.identity.accessLevel == level.rawValue)
            #expect(restricted.identity.sha256 == whiteBox.identity.sha256)
            #expect(restricted.architecture == whiteBox.architecture, "\(level) restricts answers, not the graph")
        }
        let forest = try loader.resolveFile(Self.models.appendingPathComponent("random_forest_digits.onnx"))
        #expect(forest.architecture == nil)

        let unhashed = try loader.resolveFile(url, hashing: false)
        #expect(unhashed.identity.sha256 == nil, "predict and bench do not read the file a second time")
        #expect(unhashed.access.description.inputShape == whiteBox.access.description.inputShape)
    }

    @Test("a plan resolves its model file with the plan's name, row shape and access level")
    func resolvesPlan() async throws {
        var plan = AssessmentPlan(
            modelURL: Self.models.appendingPathComponent("softmax_digits.onnx"), modelName: "digits",
            members: .init(url: Self.models.appendingPathComponent("softmax_digits.members.npz")),
            nonMembers: .init(url: Self.models.appendingPathComponent("softmax_digits.nonmembers.npz")))
        plan.access = .scores
        let lines = LineLog()
        let model = try await ModelLoader(progress: { lines.append($0) }).resolve(for: plan)
        #expect(model.identity.name == "digits")
        #expect(model.access.description.accessLevel == .scores)
        #expect(model.architecture == MLPArchitecture(hiddenSizes: []))
        #expect(lines.all == ["loading softmax_digits.onnx"])
    }
}

/// Progress lines, collected from a `@Sendable` closure.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
