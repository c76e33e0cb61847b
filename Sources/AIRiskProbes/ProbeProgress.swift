/// Receives a probe's progress as the fraction of its work done (0…1), for progress bars.
package typealias ProbeProgress = @Sendable (Double) -> Void
