/// A model the engine can train: a graph whose float initializers listed in `parameterNames`
/// are the trainable parameters (other initializers, such as Squeeze axes, stay constant).
package struct TrainableModel: Sendable {
    /// The computation graph; training returns a copy with updated initializers.
    package var graph: Graph
    /// The graph input fed with a batch (batch dimension first).
    package var inputName: String
    /// The output the loss is computed on: logits for classifiers, values for regressors.
    package var outputName: String
    /// Class probabilities (a Softmax of the logits), when the model is a classifier.
    package var probabilitiesName: String?
    /// Initializers updated by training.
    package var parameterNames: [String]
    /// Dropout masks the trainer feeds during training (inference uses their all-ones initializers).
    package var dropout: [DropoutMask] = []

    /// The number of trainable scalars.
    package var parameterCount: Int {
        parameterNames.reduce(0) { $0 + (graph.initializers[$1]?.count ?? 0) }
    }

    /// Runs the model on a batch and returns the named output (default: the loss output).
    package func predict(_ inputs: Tensor, output: String? = nil) throws -> Tensor {
        let name = output ?? outputName
        let result = try Executor(graph: graph).run(inputs: [inputName: inputs])
        guard let y = result[name] else { throw ExecutorError.undefinedOutput(name: name) }
        return y
    }
}
