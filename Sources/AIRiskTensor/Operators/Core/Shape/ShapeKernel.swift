/// ONNX Shape, with the `start`/`end` window of opset 15.
struct ShapeKernel: ForwardOnlyKernel, AttributedKernel {
    static let opType = "Shape"
    @NodeContext var ctx
    @Attribute var start: Int = 0
    @Attribute var end: Int? = nil

    func forward(_ inputs: [Tensor?]) throws -> KernelOutput {
        let x = try ctx.input(inputs, 0)
        let r = x.rank
        func clamp(_ v: Int) -> Int { min(max(v < 0 ? v + r : v, 0), r) }
        let s = clamp(start)
        let e = clamp(end ?? r)
        let dims = s < e ? x.shape[s..<e].map { Int64($0) } : []
        return KernelOutput(outputs: [Tensor(int64Vector: dims)])
    }
}
