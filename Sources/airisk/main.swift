import AIRiskCLI
import AIRiskTensor

// Process-wide tuning (OpenBLAS threads, glibc's allocator thresholds) before any work or thread starts.
ProcessConfiguration.configure()
await AIRiskCommand.runMain()
