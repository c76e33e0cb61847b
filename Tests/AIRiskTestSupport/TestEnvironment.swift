import Foundation

/// What the test process runs under, for tests whose bounds depend on it.
package enum TestEnvironment {
    /// The sanitizer the test binary was built with (`swift test --sanitize=address|thread`), found from the
    /// sanitizer runtime's entry point in the process, or nil.
    package static let sanitizer: String? = {
        // dlopen(nil) is the process itself: its global symbols include a linked sanitizer runtime.
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        if dlsym(process, "__tsan_init") != nil { return "thread" }
        if dlsym(process, "__asan_init") != nil { return "address" }
        return nil
    }()

    /// How much slower than a plain debug build the process runs: a sanitized build of the whole suite in
    /// parallel on 2 cores runs the end-to-end assessments 3 to 5 times slower.
    package static let slowdown: Int = sanitizer == nil ? 1 : 5

    /// `minutes` of a plain build scaled by ``slowdown``, for `.timeLimit(.minutes(…))`: a time limit catches a
    /// hang, never a sanitizer's overhead.
    package static func minutes(_ minutes: Int) -> Int { minutes * slowdown }

    /// `duration` of a plain build scaled by ``slowdown``, for a test's own bounded waits.
    package static func scaled(_ duration: Duration) -> Duration { duration * slowdown }

    /// Whether `python3` on PATH imports `modules` (a comma-separated list, e.g. "numpy, sklearn"): a test that needs
    /// a Python tool is enabled only then, with a visible reason, and .ci/run installs every such module in its venv.
    package static func pythonImports(_ modules: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(modules)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
