import AIRiskTensor

/// Whether the engine can run an operator.
enum KernelSupport {
    static func isSupported(domain: String, opType: String) -> Bool {
        KernelRegistry.kernel(domain: domain, opType: opType) != nil
    }
}
