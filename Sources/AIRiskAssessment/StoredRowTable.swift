/// A table of feature rows kept inside the model file itself — an SVM's support vectors, or the reference set a
/// k-nearest-neighbours export stores as a constant — which anyone holding the file reads directly.
package struct StoredRowTable: Sendable, Equatable {
    /// Where the rows sit, for messages: "SVMClassifier 'SVM' support_vectors" or "initializer 'X' [300, 30]".
    package var origin: String
    /// Row-major values, `width` per row.
    package var values: [Float]
    package var width: Int

    package init(origin: String, values: [Float], width: Int) {
        self.origin = origin
        self.values = values
        self.width = width
    }

    package var rowCount: Int { width > 0 ? values.count / width : 0 }
}
