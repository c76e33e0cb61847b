import AIRiskTensor

/// A data set as the probes use it: a Float32 feature tensor with one row per example, optional labels, and
/// enough provenance to name it in messages.
package struct Dataset: Sendable, Equatable {
    /// Float32 features, shape [rows, ...] (a 1-D array is read as [rows, 1]).
    package var features: Tensor
    /// Per-row labels, shape [rows]: Int64 class indices for classification, or Float32 targets for
    /// regression. nil when the data set carries no labels.
    package var labels: Tensor?
    /// For labels mapped from text or arbitrary integers (CSV): the original label of each class index.
    package var classNames: [String]?
    /// One name per feature column of a 2-D data set: the CSV header, or `feature_0`, `feature_1`, ….
    package var featureNames: [String]
    /// Where the data came from, e.g. `members.npz (x, y)` or `train.csv (label column 'label')`.
    package var source: String
    /// How many feature or target values are NaN or infinite (only non-zero when read with
    /// ``MissingValuePolicy/keep``; the caller warns about them).
    package var nonFiniteCount = 0
    /// The columns holding those values, with how many each holds, in column order (CSV: header names;
    /// arrays: `feature_N`, or `label` for float labels).
    package var nonFiniteColumns: [ColumnCount] = []
    /// CSV read for a model with named inputs: text values that are none of their column's categories (the model
    /// sees them as an unknown category), with how many each column holds.
    package var unknownCategories: [ColumnCount] = []
    /// CSV read for a model with named inputs: the columns that are not model inputs and were left out.
    package var unusedColumns: [String] = []

    /// A column name and a count.
    package struct ColumnCount: Sendable, Equatable {
        package var column: String
        package var count: Int

        package init(_ column: String, _ count: Int) {
            self.column = column
            self.count = count
        }
    }

    package init(
        features: Tensor, labels: Tensor? = nil, classNames: [String]? = nil, featureNames: [String]? = nil,
        source: String
    ) {
        self.features = features
        self.labels = labels
        self.classNames = classNames
        self.featureNames = featureNames ?? Self.generatedNames(for: features.shape)
        self.source = source
    }

    /// The number of rows (examples).
    package var rowCount: Int { features.shape.first ?? 0 }

    /// The shape of one row, e.g. [64] for digits as vectors or [1, 8, 8] as images.
    package var rowShape: [Int] { Array(features.shape.dropFirst()) }

    /// The class index of each row, when the labels are integers.
    package var classLabels: [Int]? { labels?.int64s.map { $0.map { Int($0) } } }

    /// The class index of each row for a classifier's data: integer labels, or float labels that are all whole
    /// numbers (numpy often stores class labels as float64: 0.0, 1.0, …). Not ``classLabels``, which tells
    /// class labels from regression targets (whole-number targets are common too).
    package var wholeNumberClassLabels: [Int]? {
        if let ints = classLabels { return ints }
        guard targetWidth == 1, let floats = labels?.floats,
            floats.allSatisfy({ $0.isFinite && $0.rounded() == $0 && abs($0) < 16_777_216 })
        else { return nil }
        return floats.map { Int($0) }
    }

    /// The header names that usually hold labels, in the order they are suggested.
    package static let labelColumnNames = ["label", "labels", "target", "class", "y", "outcome", "species", "category"]

    /// A feature column whose name suggests it holds the labels (`target`, `class`, `y`, …), for a hint at
    /// `--label-column`; nil when no column name looks like one.
    package var plausibleLabelColumn: String? {
        for candidate in Self.labelColumnNames {
            if let name = featureNames.first(where: { $0.lowercased() == candidate }) { return name }
        }
        return nil
    }

    /// The regression targets, row-major (``targetWidth`` per row), when the labels are floats.
    package var targets: [Float]? { labels?.floats }

    /// Labels (or regression targets) per row: k for float targets of shape [rows, k], 1 for one per row, 0
    /// without labels.
    package var targetWidth: Int {
        guard let labels else { return 0 }
        return labels.shape.count == 2 ? labels.shape[1] : 1
    }

    static func generatedNames(for shape: [Int]) -> [String] {
        guard shape.count == 2 else { return [] }
        return (0..<shape[1]).map { "feature_\($0)" }
    }
}
