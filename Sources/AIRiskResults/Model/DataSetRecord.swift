/// A data set an assessment used, identified by its hash and size.
package struct DataSetRecord: Sendable, Equatable, Codable {
    /// What the data set stood for in the attacks.
    package enum Role: String, Sendable, Equatable, Codable, CaseIterable {
        /// Records known to be in the training set.
        case members
        /// Records known not to be in the training set.
        case nonmembers
        /// Records from the same distribution, for shadow and reference models or extraction queries.
        case population
    }

    package var role: Role
    package var file: String
    /// SHA-256 of the file, lowercase hex.
    package var sha256: String
    package var rows: Int
    package var features: Int

    package init(role: Role, file: String, sha256: String, rows: Int, features: Int) {
        self.role = role
        self.file = file
        self.sha256 = sha256
        self.rows = rows
        self.features = features
    }
}
