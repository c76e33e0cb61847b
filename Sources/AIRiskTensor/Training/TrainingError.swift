/// Why a training run cannot proceed, carrying the values involved so the message can name them.
package enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// A setting holds a value training cannot use (e.g. a batch size of 0).
    case invalidSetting(Setting)
    /// Early stopping compares whole epochs, so it cannot run with this positive minimum step count.
    case earlyStoppingWithMinimumSteps(Int)
    /// There are no rows to train on.
    case noTrainingRows
    /// Early stopping was given no held-out rows to validate on.
    case noEarlyStoppingRows
    /// Two counts that must agree do not: `count` items where `expected` are needed.
    case countMismatch(Counted, count: Int, expected: Int)
    /// A tensor's shape is not the required one (a nil dimension accepts any size).
    case shapeMismatch(Operand, shape: [Int], expected: [Int?])
    /// A tensor holds `supplied` elements where `expected` ones are needed.
    case elementTypeMismatch(Operand, supplied: ElementKind, expected: ElementKind)
    /// A class label outside `0..<classes`, in row `row` of the targets.
    case labelOutOfRange(label: Int, row: Int, classes: Int)
    /// The loss cannot learn from this kind of targets.
    case unsupportedTargets(Loss, supplied: Targets.Kind)
    /// A parameter of the model is not a float initializer of its graph: `elementType` is the
    /// initializer's element type, nil when the graph has no initializer of that name.
    case parameterNotTrainable(name: String, elementType: ElementKind?)
    /// The reverse pass gave no gradient for a parameter (`count` nil), or one of the wrong size.
    case gradientMismatch(parameter: String, count: Int?, expected: Int)
    /// A job of a parallel run produced no result.
    case unfinishedJob(index: Int)
    /// The loss became NaN or infinite (learning rate too high?).
    case diverged(epoch: Int)

    package var description: String {
        switch self {
        case .invalidSetting(let setting):
            "training configuration: \(setting.name) is \(setting.value); it \(setting.requirement)"
        case .earlyStoppingWithMinimumSteps(let steps):
            "training configuration: early stopping needs whole epochs, but minimum steps is \(steps);"
                + " set minimum steps to 0 or turn early stopping off"
        case .noTrainingRows:
            "training data: there are no training rows; supply at least one row"
        case .noEarlyStoppingRows:
            "training data: there are no held-out rows for early stopping;"
                + " supply at least one held-out row or turn early stopping off"
        case .countMismatch(let counted, let count, let expected):
            "training data: \(count) \(counted.items) for \(expected) \(counted.reference); \(counted.remedy)"
        case .shapeMismatch(let operand, let shape, let expected):
            "training data: \(operand.rawValue) has shape \(shape), expected \(Self.format(expected)); \(operand.remedy)"
        case .elementTypeMismatch(let operand, let supplied, let expected):
            "training data: \(operand.rawValue) holds \(supplied.rawValue) elements, expected \(expected.rawValue);"
                + " \(operand.remedy)"
        case .labelOutOfRange(let label, let row, let classes):
            "training data: label \(label) in row \(row) is outside 0..<\(classes);"
                + " labels must be class indices below the model's \(classes) outputs"
        case .unsupportedTargets(let loss, let supplied):
            "training data: \(loss.name) needs \(loss.targetKinds), got \(supplied.rawValue); \(loss.remedy)"
        case .parameterNotTrainable(let name, nil):
            "training configuration: parameter '\(name)' is not an initializer of the graph;"
                + " list only the graph's float initializers as parameters"
        case .parameterNotTrainable(let name, let elementType?):
            "training configuration: parameter '\(name)' is an initializer of type \(elementType.rawValue);"
                + " only float32 initializers can be trained"
        case .gradientMismatch(let parameter, nil, _):
            "training: the reverse pass gave no gradient for parameter '\(parameter)';"
                + " a parameter must feed the model's output"
        case .gradientMismatch(let parameter, let count?, let expected):
            "training: the gradient for parameter '\(parameter)' has \(count) values, expected \(expected)"
                + " (one per parameter value)"
        case .unfinishedJob(let index):
            "training: job \(index) of a parallel run did not finish"
        case .diverged(let epoch):
            "training diverged in epoch \(epoch): the loss is not finite (lower the learning rate)"
        }
    }

    /// A shape with free dimensions, as `[?, 3]`.
    static func format(_ shape: [Int?]) -> String {
        "[" + shape.map { $0.map(String.init) ?? "?" }.joined(separator: ", ") + "]"
    }
}
