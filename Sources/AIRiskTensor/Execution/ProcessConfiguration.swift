import CBLAS
import Foundation
import Synchronization

/// The process-wide tuning the engine needs, in one place: `main` calls ``configure()`` before anything else
/// runs, so the settings are in force before the first thread starts and are visible where the program begins.
///
/// - **Kernel threads.** Matrix products (oneDNN on x86-64, OpenBLAS elsewhere) run on one thread unless
///   `OMP_NUM_THREADS` or `OPENBLAS_NUM_THREADS` is set: the engine's matrices are small and it parallelises across
///   models and requests instead, and OpenBLAS's spinning worker threads slowed concurrent training down ~10× on a
///   busy 2-core machine (see BENCHMARKS.md). oneDNN takes its thread count from OpenMP, whose setting belongs to
///   each calling thread, so ``BLAS/sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)`` applies it on the
///   thread it runs on. ``BLAS/setThreadCount(_:)`` overrides it.
/// - **glibc's allocator.** Every kernel call allocates its output; at batch 256 these are 64 KB–1 MB arrays.
///   glibc serves blocks above its mmap threshold with fresh `mmap`s and returns them on free, so each run paid
///   page faults for every output (≈ 60 % of the time of a 64-256-10 MLP forward at batch 256). Raising the mmap
///   and trim thresholds keeps freed blocks on the heap for reuse: the same loop ran 2.3–2.8× faster (see
///   BENCHMARKS.md). A 64 MiB top pad keeps the heap from growing and shrinking by each 16 MB tensor of a
///   convolution network at batch 256 (a ResNet-20 took 5× fewer page faults). Skipped when the user tunes malloc
///   through the environment (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_TOP_PAD_`).
///
/// Calling it again does nothing. The executor and the BLAS wrapper call it too, so that a library user or a
/// test that never passes through `main` gets the same behaviour.
package enum ProcessConfiguration {
    /// Applies the tuning above once per process.
    package static func configure() { _ = applied }

    /// Threads per matrix product; 0 leaves OpenMP to `OMP_NUM_THREADS`.
    private static let kernelThreadSetting = Atomic<Int>(1)

    /// The number of threads one matrix product uses.
    static var kernelThreads: Int {
        let n = kernelThreadSetting.load(ordering: .relaxed)
        #if canImport(CDNNL)
            if n == 0, let maxThreads = openMP.maxThreads { return Int(maxThreads()) }
        #endif
        return n == 0 ? Int(openblas_get_num_threads()) : n
    }

    static func setKernelThreads(_ n: Int) {
        kernelThreadSetting.store(n, ordering: .relaxed)
        openblas_set_num_threads(Int32(n))
    }

    #if canImport(CDNNL)
        /// libgomp's thread-count functions, loaded with oneDNN (looked up: its header is GCC's, not the system's).
        private struct OpenMP: Sendable {
            typealias SetThreads = @convention(c) (Int32) -> Void
            typealias MaxThreads = @convention(c) () -> Int32
            let setThreads: SetThreads?
            let maxThreads: MaxThreads?
        }

        private static let openMP = OpenMP(
            setThreads: dlsym(nil, "omp_set_num_threads").map { unsafeBitCast($0, to: OpenMP.SetThreads.self) },
            maxThreads: dlsym(nil, "omp_get_max_threads").map { unsafeBitCast($0, to: OpenMP.MaxThreads.self) })

        /// Applies the thread count to OpenMP on the calling thread (a few nanoseconds: it sets a thread-local value).
        @inline(__always)
        static func applyKernelThreadsToCallingThread() {
            let n = kernelThreadSetting.load(ordering: .relaxed)
            if n > 0, let setThreads = openMP.setThreads { setThreads(Int32(n)) }
        }
    #endif

    private static let applied: Bool = {
        let env = ProcessInfo.processInfo.environment
        if env["OMP_NUM_THREADS"] != nil {
            kernelThreadSetting.store(0, ordering: .relaxed)
        } else if let value = env["OPENBLAS_NUM_THREADS"], let n = Int(value), n > 0 {
            kernelThreadSetting.store(n, ordering: .relaxed)
        } else {
            kernelThreadSetting.store(1, ordering: .relaxed)
            if env["OPENBLAS_NUM_THREADS"] == nil { openblas_set_num_threads(1) }
        }
        #if canImport(Glibc)
            if env["MALLOC_MMAP_THRESHOLD_"] == nil && env["MALLOC_TRIM_THRESHOLD_"] == nil
                && env["MALLOC_TOP_PAD_"] == nil
            {
                // `mallopt` is not exported by the Glibc module (it lives in malloc.h); look it up.
                typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
                if let symbol = dlsym(nil, "mallopt") {
                    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
                    let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
                    let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
                    let topPad: Int32 = -2  // M_TOP_PAD
                    // 32 MiB is glibc's largest allowed mmap threshold on 64-bit systems.
                    _ = mallopt(mmapThreshold, 32 << 20)
                    _ = mallopt(trimThreshold, 64 << 20)
                    _ = mallopt(topPad, 64 << 20)
                }
            }
        #endif
        return true
    }()
}
