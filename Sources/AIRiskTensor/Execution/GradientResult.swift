/// The forward outputs and the requested gradients of one reverse-mode pass.
public struct GradientResult: Sendable {
    /// Forward values of the graph outputs that the differentiated output depends on (at least it).
    public var outputs: [String: Tensor]
    /// d(seed · output) / d(value) for every requested value name, shaped like that value.
    public var gradients: [String: Tensor]
}
