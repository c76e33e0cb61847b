/// The forward outputs and the requested gradients of one reverse-mode pass.
package struct GradientResult: Sendable {
    /// Forward values of the graph outputs that the differentiated output depends on (at least it).
    package var outputs: [String: Tensor]
    /// d(seed · output) / d(value) for every requested value name, shaped like that value.
    package var gradients: [String: Tensor]
}
