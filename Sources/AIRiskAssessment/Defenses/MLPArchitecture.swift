/// The layer sizes of a model that is a multilayer perceptron or a (multinomial) logistic model, as its
/// loader read them (from an ONNX graph), so shadow and reference models and training-side defense
/// retrains can copy the target's shape.
public struct MLPArchitecture: Sendable, Equatable {
    /// Hidden layer widths; [] for a (multinomial) logistic model.
    public var hiddenSizes: [Int]

    public init(hiddenSizes: [Int]) {
        self.hiddenSizes = hiddenSizes
    }
}
