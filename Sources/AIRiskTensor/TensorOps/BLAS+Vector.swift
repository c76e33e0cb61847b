import CBLAS

extension BLAS {
    /// The dot product of `n` contiguous Float32 values of `x` and `y`.
    package static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count n: Int) -> Float {
        guard n > 0 else { return 0 }
        ProcessConfiguration.configure()
        return cblas_sdot(Int32(n), x, 1, y, 1)
    }

    /// y += alpha · x over `n` contiguous Float32 values.
    package static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int)
    {
        guard n > 0 else { return }
        ProcessConfiguration.configure()
        cblas_saxpy(Int32(n), alpha, x, 1, y, 1)
    }
}
