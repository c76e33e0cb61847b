/// The weights of one fully connected layer, `weights` row-major [inputs × outputs].
public struct DenseLayer: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    public var weights: [Float]
    public var bias: [Float]

    public init(inputs: Int, outputs: Int, weights: [Float], bias: [Float]) {
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.bias = bias
    }
}
