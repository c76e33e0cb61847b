/// Reference models for membership's LiRA and RMIA trained by the user's own pipeline (`--reference-cmd`): airisk
/// writes each model's training split as an .npz (`x`, `y`, the layout of the members file) and runs
/// `COMMAND TRAIN.npz OUT.onnx`, so the references are trained exactly like the target, on whatever trains it.
package struct ReferenceCommand: Sendable, Equatable {
    /// The shell command; two paths (training data, model to write) are appended, quoted.
    package var command: String
    /// How many models; nil for the profile's count (quick 2, standard 16, thorough 64).
    package var count: Int?
    /// How many commands run at once.
    package var jobs: Int
    /// Seconds one training may take before its process group is stopped.
    package var timeout: Double
    /// How many times a failed training is tried again.
    package var retries: Int

    package init(command: String, count: Int? = nil, jobs: Int = 1, timeout: Double = 3600, retries: Int = 1) {
        self.command = command
        self.count = count
        self.jobs = jobs
        self.timeout = timeout
        self.retries = retries
    }
}
