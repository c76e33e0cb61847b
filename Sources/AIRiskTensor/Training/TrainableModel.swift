/// A model the engine can train: a graph whose float initializers listed in `parameterNames`
/// are the trainable parameters (other initializers, such as Squeeze axes, stay constant).
public struct TrainableModel: Sendable {
    /// The computation graph; training returns a copy with updated initializers.
    public var graph: Graph
    /// The graph input fed with a batch (batch dimension first).
    public var inputName: String
    /// The output the loss is computed on: logits for classifiers, values for regressors.
    public var outputName: String
    /// Class probabilities (a Softmax of the logits), when the model is a classifier.
    public var probabilitiesName: String?
    /// Initializers updated by training.
    public var parameterNames: [String]
    /// Dropout masks the trainer feeds during training (inference uses their all-ones initializers).
    public var dropout: [DropoutMask]

    public init(
        graph: Graph, inputName: String, outputName: String, probabilitiesName: String?, parameterNames: [String],
        dropout: [DropoutMask] = []
    ) {
        self.graph = graph
        self.inputName = inputName
        self.outputName = outputName
        self.probabilitiesName = probabilitiesName
        self.parameterNames = parameterNames
        self.dropout = dropout
    }

    /// The number of trainable scalars.
    public var parameterCount: Int {
        parameterNames.reduce(0) { $0 + (graph.initializers[$1]?.count ?? 0) }
    }

    /// Runs the model on a batch and returns the named output (default: the loss output).
    public func predict(_ inputs: Tensor, output: String? = nil) throws -> Tensor {
        let name = output ?? outputName
        let result = try Executor(graph: graph).run(inputs: [inputName: inputs])
        guard let y = result[name] else { throw ExecutorError.undefinedOutput(name: name) }
        return y
    }
}
