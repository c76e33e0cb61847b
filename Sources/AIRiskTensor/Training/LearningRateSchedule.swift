import Foundation

/// How the optimiser's learning rate changes over the steps of a run.
package enum LearningRateSchedule: Sendable, Equatable {
    /// The configured rate at every step.
    case constant
    /// Cosine decay from the configured rate to `floor` × the rate at the last step, so the last
    /// steps settle instead of oscillating.
    case cosine(floor: Float)

    /// The factor applied to the rate at `step` (0-based) of `total` steps.
    package func factor(step: Int, of total: Int) -> Float {
        switch self {
        case .constant:
            return 1
        case .cosine(let floor):
            let progress = Float(step) / Float(max(total - 1, 1))
            return floor + (1 - floor) * 0.5 * (1 + Foundation.cos(Float.pi * progress))
        }
    }
}
