import Foundation

/// One-time process tuning of glibc's allocator for the engine's allocation pattern.
///
/// Every kernel call allocates its output; at batch 256 these are 64 KB–1 MB arrays. glibc serves
/// blocks above its mmap threshold with fresh `mmap`s and returns them on free, so each run paid
/// page faults for every output (≈ 60 % of the time of a 64-256-10 MLP forward at batch 256).
/// Raising the mmap and trim thresholds keeps freed blocks on the heap for reuse: the same loop
/// ran 2.3–2.8× faster (see BENCHMARKS.md). Skipped when the user tunes malloc through the
/// environment (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`).
enum AllocatorTuning {
    static let applied: Bool = {
        #if canImport(Glibc)
            let env = ProcessInfo.processInfo.environment
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
