/// What membership inference measured on each step of a many-to-many sequence model (seed 004: a recurrent model
/// answers at every step, and an earlier step can leak more than the last).
package struct SequenceMembership: Sendable, Equatable {
    /// Steps per answer.
    package var steps: Int
    /// Classes per step.
    package var classes: Int
    /// The step every attack but the leakiest-step one reads: the final step, the model's answer.
    package var attackedStep: Int
    /// The loss attack's AUC at each step over all members and non-members. Descriptive: the best of these, picked
    /// on the same records, overstates the leakage; the leakiest-step attack picks on held-out halves instead.
    package var perStepLossAUC: [Double]
    /// Each step's accuracy on the members and on the non-members.
    package var memberAccuracy: [Double]
    package var nonMemberAccuracy: [Double]
    /// The leakiest step chosen on each half of the records: the first half's choice scores the second half's
    /// records and the other way round (cross-fitting), so no record is scored at a step chosen with it.
    package var chosenSteps: [Int]
}
