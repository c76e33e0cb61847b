import AIRiskTensor

/// Resource ceilings applied while loading a model, so that a hostile or broken file fails fast with a
/// clear error instead of exhausting memory or the stack. The defaults accept every model protobuf can
/// carry in one file (protobuf itself stops at 2 GiB).
package struct ONNXLimits: Sendable, Equatable {
    /// The largest model file that is read at all. Default 2 GiB.
    package var maxFileBytes: UInt64
    /// The largest single tensor (initializer or tensor attribute), in bytes once decoded into the engine's
    /// element types. Default 2 GiB.
    package var maxTensorBytes: UInt64
    /// The largest value the graph may compute, in bytes, as far as a static pass over the graph can
    /// size it at load time (batch size 1 where the batch is symbolic): outputs of Expand,
    /// ConstantOfShape, Concat, Conv and pooling windows, broadcasts… Default 2 GiB, which is also the
    /// engine's run-time ceiling per value (``TensorBudget/maxBytes``), so raising it beyond that
    /// only moves the error from load time to run time.
    package var maxValueBytes: UInt64
    /// The deepest nesting of protobuf messages. Default 100.
    package var maxMessageDepth: Int
    /// The deepest nesting of subgraphs (bodies of If / Loop / Scan inside other bodies). Default 16.
    package var maxSubgraphDepth: Int

    package init(
        maxFileBytes: UInt64 = 2 << 30, maxTensorBytes: UInt64 = 2 << 30, maxMessageDepth: Int = 100,
        maxSubgraphDepth: Int = 16, maxValueBytes: UInt64 = UInt64(TensorBudget.maxBytes)
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxTensorBytes = maxTensorBytes
        self.maxValueBytes = maxValueBytes
        self.maxMessageDepth = maxMessageDepth
        self.maxSubgraphDepth = maxSubgraphDepth
    }

    /// The defaults: 2 GiB files, tensors and values, 100 message levels, 16 subgraph levels.
    package static let standard = ONNXLimits()
}
