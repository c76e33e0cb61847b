/// A graph input or output as the file declares it, next to how the engine delivers it.
package struct ONNXValueDeclaration: Sendable, Equatable {
    package var name: String
    /// The type written in the file, e.g. `tensor(float32)[N, 30]` or `seq(map(int64, tensor(float32)))`.
    package var declaredType: ONNXValueType
    package var docString: String = ""
    /// Set when the output comes from an ai.onnx.ml ZipMap node. airisk runs ZipMap as a
    /// pass-through, so this output is delivered as the float32 probability tensor `[N, classes]`
    /// whose columns follow these labels, instead of a sequence of maps.
    package var zipMapClassLabels: ONNXClassLabels?
}
