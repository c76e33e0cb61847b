/// One named column of a model's input row, when the model takes its features as separate named inputs (a
/// scikit-learn pipeline converted from a pandas DataFrame has one graph input per column).
///
/// Probes still see one float row: a column's value sits at its position in ``ModelDescription/inputColumns``.
/// The ``domain`` says what the float means, so that data files can be matched to the model by column name and
/// queries stay inside each column's own domain.
package struct InputColumn: Sendable, Equatable {
    /// The column's name, as the data files' headers name it.
    package var name: String
    package var domain: FeatureDomain

    package init(name: String, domain: FeatureDomain) {
        self.name = name
        self.domain = domain
    }
}

/// What values a column of the input row takes.
package enum FeatureDomain: Sendable, Equatable {
    /// Any real number.
    case continuous
    /// Whole numbers (an integer graph input).
    case integer
    /// 0 or 1 (a boolean graph input).
    case boolean
    /// One of these categories (a string graph input); the row holds the category's index, and
    /// `categories.count` stands for a category the model does not know.
    case categorical([String])
    /// Free text (a string graph input that the model tokenizes itself, as a scikit-learn `TfidfVectorizer`
    /// exported by skl2onnx does): no list of categories exists, so the row holds the index of the text among the
    /// distinct texts the assessment's data shows, in order of first appearance; `texts.count` stands for the
    /// empty text. The list is empty until the data is read (see ``FreeTextModel``).
    case text([String])

    /// Whether the value at a row position is a category index rather than a quantity (free text's index, too).
    package var isCategorical: Bool {
        switch self {
        case .categorical, .text: true
        default: false
        }
    }

    /// The values an index of a categorical or free-text column stands for; nil for a quantity.
    package var indexedValues: [String]? {
        switch self {
        case .categorical(let values), .text(let values): values
        default: nil
        }
    }
}
