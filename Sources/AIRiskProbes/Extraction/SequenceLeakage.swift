/// Which step of a many-to-many sequence model leaks most (seed 004 §3.2.1).
package struct SequenceLeakage: Sendable, Equatable {
    /// Accuracy of each step's argmax against the labels of the probe rows.
    package var perStepAccuracy: [Double]
    /// The step distilled from: the most accurate one (earliest on ties).
    package var chosenStep: Int
    /// Labelled rows queried to measure the per-step curve (part of the attack budget).
    package var probeRows: Int
    /// Which data the probe rows came from.
    package var probeDataSource: String
}
