/// A network the in-process trainer can fit: outputs and gradients on standardized input rows.
protocol TrainableNetwork: Sendable {
    var standardizer: Standardizer { get }
    var outputWidth: Int { get }
    /// Sizes of the parameter arrays, in the order ``gradients(standardized:rows:outputGradient:)`` returns them.
    var parameterShapes: [Int] { get }
    /// Last-layer outputs (logits or standardized values) for standardized rows.
    func outputs(standardized x: [Float], rows: Int) -> [Float]
    /// Parameter gradients for the loss whose gradient with respect to the outputs `outputGradient` computes.
    func gradients(standardized x: [Float], rows: Int, outputGradient: ([Float]) -> [Float]) -> [[Float]]
    /// Gradient of output `outputs[row]` with respect to each standardized input row.
    func inputGradient(standardized x: [Float], rows: Int, outputs: [Int]) -> [Float]
    /// Applies one Adam step.
    mutating func update(_ adam: inout AdamOptimizer, gradients: [[Float]])
}
