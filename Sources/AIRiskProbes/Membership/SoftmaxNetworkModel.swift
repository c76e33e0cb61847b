import AIRiskAccess
import AIRiskTensor

/// A ``SoftmaxNetwork`` served through ``ModelAccess``, answering with probabilities.
public struct SoftmaxNetworkModel: ModelAccess {
    public let network: SoftmaxNetwork
    public let description: ModelDescription

    public init(network: SoftmaxNetwork, inputShape: [Int], name: String = "in-process model") {
        self.network = network
        description = ModelDescription(
            name: name, inputShape: inputShape, outputKind: .probabilities, outputWidth: network.classCount,
            providesInputGradients: false)
    }

    public func predict(_ batch: Tensor) async throws -> ModelOutput {
        guard let x = batch.floats else {
            throw ModelAccessError.badInput(model: description.name, reason: "expected float32 input")
        }
        let rows = batch.shape.first ?? 0
        guard rows * network.featureCount == x.count else {
            throw ModelAccessError.badInput(
                model: description.name,
                reason: "batch shape \(batch.shape) does not have \(network.featureCount) features per row")
        }
        let p = network.probabilities(x, rows: rows)
        let c = network.classCount
        let labels = (0..<rows).map { r in
            var top = 0
            for j in 1..<c where p[r * c + j] > p[r * c + top] { top = j }
            return top
        }
        return ModelOutput(kind: .probabilities, rows: rows, scores: p, width: c, labels: labels)
    }
}
