/// Stopping a probe between batches. The first Ctrl-C cancels the task that runs the assessment; probes call
/// ``check()`` in their batch loops and ``CountingModel`` calls it before every query, so a probe on a local model
/// stops at its next batch instead of running to the end, and the run is labelled incomplete.
package enum Cancellation {
    /// Throws ``ModelAccessError/interrupted`` when the current task has been cancelled.
    package static func check() throws(ModelAccessError) {
        if Task.isCancelled { throw .interrupted }
    }
}
