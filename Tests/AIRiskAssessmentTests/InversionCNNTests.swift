import AIRiskProbes
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskAssessment

/// Issue 20: a PyTorch CNN exported with the default (dynamo) exporter, inverted white-box through its
/// convolutions with the standard profile. Each reconstruction must resemble its own class: nearest, by centred
/// cosine, to its class's member mean among all ten class means for at least 7 of the 10 digits.
@Suite("Inversion of a PyTorch CNN")
struct InversionCNNTests {
    static func centredCosine(_ a: [Float], _ b: [Float], centre m: [Double]) -> Double {
        var dot = 0.0
        var na = 0.0
        var nb = 0.0
        for j in a.indices {
            let x = Double(a[j]) - m[j]
            let y = Double(b[j]) - m[j]
            dot += x * y
            na += x * x
            nb += y * y
        }
        return na > 0 && nb > 0 ? dot / (na.squareRoot() * nb.squareRoot()) : 0
    }

    @Test("at least 7 of 10 reconstructions are nearest their own class mean")
    func nearestOwnClass() async throws {
        let name = "torch/cnn_digits"
        let (members, nonMembers, publicData, range) = try FixtureModels.inversionData("torch/digits_images")
        let model = try FixtureModels.access(name)
        #expect(model.description.inputShape == [1, 8, 8])
        let result = try await InversionProbe(configuration: Profile.standard.inversion(seed: 0)).run(
            model: model, members: members, nonMembers: nonMembers, range: range, publicData: publicData)
        #expect(result.access == .whiteBox, "gradients flow through Conv, MaxPool and Gemm")
        #expect(result.classes.count == 10)

        let d = members.rowWidth
        let all = try members.appending(nonMembers)
        let xs = all.scalars
        var centre = [Double](repeating: 0, count: d)
        for r in 0..<all.count { for j in 0..<d { centre[j] += Double(xs[r * d + j]) / Double(all.count) } }
        let means = result.classes.compactMap { c in c.classMean.map { (c.targetClass, $0) } }
        #expect(means.count == 10)
        var own = 0
        for c in result.classes {
            let nearest = means.max {
                Self.centredCosine(c.reconstruction, $0.1, centre: centre)
                    < Self.centredCosine(c.reconstruction, $1.1, centre: centre)
            }
            if nearest?.0 == c.targetClass { own += 1 }
        }
        #expect(own >= 7, "\(own) of 10 reconstructions nearest their own class mean")
    }

    @Test(
        "model augmentation (4 distilled copies) keeps the reconstructions at least as close to the class means",
        arguments: ["torch/cnn_digits", "mlp_digits_overfit"])
    func augmentation(name: String) async throws {
        let dataName = name == "torch/cnn_digits" ? "torch/digits_images" : name
        let (members, nonMembers, publicData, range) = try FixtureModels.inversionData(dataName)
        func mean(copies: Int) async throws -> (Double, InversionResult) {
            var config = Profile.standard.inversion(seed: 0)
            config.augmentationModels = copies
            let r = try await InversionProbe(configuration: config).run(
                model: try FixtureModels.access(name), members: members, nonMembers: nonMembers, range: range,
                publicData: publicData)
            let cc = r.classes.compactMap { $0.similarity?.centredCosineToClassMean }
            return (cc.reduce(0, +) / Double(max(cc.count, 1)), r)
        }
        let (alone, plain) = try await mean(copies: 0)
        let (augmented, result) = try await mean(copies: 4)
        #expect(result.method.contains("augmented with 4 distilled copies"), "\(result.method)")
        #expect(plain.queries.rows + 2000 >= result.queries.rows, "the copies' labels are counted target queries")
        #expect(result.queries.rows > plain.queries.rows)
        // Measured: CNN 0.904 → 0.924, overfit MLP 0.914 → 0.931.
        #expect(augmented >= alone - 0.005, "\(name): \(augmented) with copies, \(alone) without")
    }
}
