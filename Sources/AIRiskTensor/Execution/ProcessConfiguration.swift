import CBLAS
import Foundation

/// The process-wide tuning the engine needs, in one place: `main` calls ``configure()`` before anything else
/// runs, so the settings are in force before the first thread starts and are visible where the program begins.
///
/// - **OpenBLAS threads.** OpenBLAS runs single-threaded unless `OPENBLAS_NUM_THREADS` (or `OMP_NUM_THREADS`) is
///   set: the engine's matrices are small and it parallelises across models and requests instead, and
///   OpenBLAS's spinning worker threads slowed concurrent training down ~10× on a busy 2-core machine (see
///   BENCHMARKS.md). This covers every BLAS call in the process, the probes' direct ones included.
///   ``BLAS/setThreadCount(_:)`` overrides it.
/// - **glibc's allocator.** Every kernel call allocates its output; at batch 256 these are 64 KB–1 MB arrays.
///   glibc serves blocks above its mmap threshold with fresh `mmap`s and returns them on free, so each run paid
///   page faults for every output (≈ 60 % of the time of a 64-256-10 MLP forward at batch 256). Raising the mmap
///   and trim thresholds keeps freed blocks on the heap for reuse: the same loop ran 2.3–2.8× faster (see
///   BENCHMARKS.md). Skipped when the user tunes malloc through the environment (`MALLOC_MMAP_THRESHOLD_`,
///   `MALLOC_TRIM_THRESHOLD_`).
///
/// Calling it again does nothing. The executor and the BLAS wrapper call it too, so that a library user or a
/// test that never passes through `main` gets the same behaviour.
public enum ProcessConfiguration {
    /// Applies the tuning above once per process.
    public static func configure() { _ = applied }

    private static let applied: Bool = {
        let env = ProcessInfo.processInfo.environment
        if env["OPENBLAS_NUM_THREADS"] == nil && env["OMP_NUM_THREADS"] == nil {
            openblas_set_num_threads(1)
        }
        #if canImport(Glibc)
            if env["MALLOC_MMAP_THRESHOLD_"] == nil && env["MALLOC_TRIM_THRESHOLD_"] == nil {
                // `mallopt` is not exported by the Glibc module (it lives in malloc.h); look it up.
                typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
                if let symbol = dlsym(nil, "mallopt") {
                    let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
                    let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
                    let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
                    // 32 MiB is glibc's largest allowed mmap threshold on 64-bit systems.
                    _ = mallopt(mmapThreshold, 32 << 20)
                    _ = mallopt(trimThreshold, 64 << 20)
                }
            }
        #endif
        return true
    }()
}
