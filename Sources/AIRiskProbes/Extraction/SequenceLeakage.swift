/// Which step of a many-to-many sequence model leaks most (seed 004 §3.2.1).
public struct SequenceLeakage: Sendable, Equatable {
    /// Accuracy of each step's argmax against the labels of the probe rows.
    public var perStepAccuracy: [Double]
    /// The step distilled from: the most accurate one (earliest on ties).
    public var chosenStep: Int
    /// Labelled rows queried to measure the per-step curve (part of the attack budget).
    public var probeRows: Int
    /// Which data the probe rows came from.
    public var probeDataSource: String

    public init(perStepAccuracy: [Double], chosenStep: Int, probeRows: Int, probeDataSource: String) {
        self.perStepAccuracy = perStepAccuracy
        self.chosenStep = chosenStep
        self.probeRows = probeRows
        self.probeDataSource = probeDataSource
    }
}
