/// The layer sizes of a model that is a multilayer perceptron or a (multinomial) logistic model, as its
/// loader read them (from an ONNX graph), so shadow and reference models and training-side defense
/// retrains can copy the target's shape.
package struct MLPArchitecture: Sendable, Equatable {
    /// Hidden layer widths; [] for a (multinomial) logistic model.
    package var hiddenSizes: [Int]
    /// Whether the graph scales its inputs before the first dense layer (a `Scaler` or `Normalizer`, as a
    /// scikit-learn pipeline exports). A model without one learned on the raw inputs, and copies of it do too.
    package var scalesInputs: Bool

    package init(hiddenSizes: [Int], scalesInputs: Bool = false) {
        self.hiddenSizes = hiddenSizes
        self.scalesInputs = scalesInputs
    }
}
