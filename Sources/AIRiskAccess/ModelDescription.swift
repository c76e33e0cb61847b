/// What a model declares about itself before any query.
package struct ModelDescription: Sendable, Equatable {
    /// A display name (file name or endpoint model name).
    package var name: String
    /// The shape of one input row, without the batch dimension (e.g. [64] or [1, 8, 8]).
    package var inputShape: [Int]
    package var outputKind: OutputKind
    /// Number of classes for classifiers; number of outputs for regression.
    package var outputWidth: Int
    /// For sequence models, the number of steps that carry outputs.
    package var sequenceLength: Int?
    /// Whether ``ModelAccess/valueAndInputGradient(_:seed:)`` is available.
    package var providesInputGradients: Bool
    /// The named columns of the input row, in row order, when the model takes its features as separate named
    /// inputs (several graph inputs, or integer, boolean or string ones); nil for one plain tensor input.
    package var inputColumns: [InputColumn]?
    /// Whether the model itself handles missing (NaN) inputs — a tree ensemble that routes them (XGBoost,
    /// LightGBM, scikit-learn ≥ 1.3 forests) or an Imputer in front — so data with missing values is assessed as
    /// it is rather than refused.
    package var handlesMissingValues = false

    package init(
        name: String, inputShape: [Int], outputKind: OutputKind, outputWidth: Int, sequenceLength: Int? = nil,
        providesInputGradients: Bool, inputColumns: [InputColumn]? = nil
    ) {
        self.inputColumns = inputColumns
        self.name = name
        self.inputShape = inputShape
        self.outputKind = outputKind
        self.outputWidth = outputWidth
        self.sequenceLength = sequenceLength
        self.providesInputGradients = providesInputGradients
    }

    /// Number of scalar features in one input row.
    package var featureCount: Int { inputShape.reduce(1, *) }

    /// Whether the model is a classifier (as opposed to a regressor).
    package var isClassifier: Bool { outputKind != .regression }

    /// The strongest access this model allows.
    package var accessLevel: AccessLevel {
        if providesInputGradients { return .whiteBox }
        return outputKind == .labels ? .labelsOnly : .scores
    }
}
