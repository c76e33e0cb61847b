/// Every operator the engine supports, looked up by domain and operator type.
///
/// Each family of operators lists its kernels in its own file (`CoreKernels.all`,
/// `NeuralKernels.all`, `ClassicalMLKernels.all`, `TextKernels.all`); this type only joins the lists.
package enum KernelRegistry {
    package static let all: [any Kernel.Type] =
        CoreKernels.all + NeuralKernels.all + ClassicalMLKernels.all
        + TextKernels.all

    private static let table: [String: any Kernel.Type] = {
        var t: [String: any Kernel.Type] = [:]
        for k in all { t[key(domain: k.domain, opType: k.opType)] = k }
        return t
    }()

    /// The kernel type for an operator, or nil when the engine does not support it.
    package static func kernel(domain: String, opType: String) -> (any Kernel.Type)? {
        table[key(domain: domain, opType: opType)]
    }

    static func key(domain: String, opType: String) -> String {
        let d = domain == "ai.onnx" ? "" : domain
        return d + "::" + opType
    }
}
