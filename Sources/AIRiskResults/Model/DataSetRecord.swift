/// A data set an assessment used, identified by its hash and size.
public struct DataSetRecord: Sendable, Equatable, Codable {
    /// What the data set stood for in the attacks.
    public enum Role: String, Sendable, Equatable, Codable, CaseIterable {
        /// Records known to be in the training set.
        case members
        /// Records known not to be in the training set.
        case nonmembers
        /// Records from the same distribution, for shadow and reference models or extraction queries.
        case population
    }

    public var role: Role
    public var file: String
    /// SHA-256 of the file, lowercase hex.
    public var sha256: String
    public var rows: Int
    public var features: Int

    public init(role: Role, file: String, sha256: String, rows: Int, features: Int) {
        self.role = role
        self.file = file
        self.sha256 = sha256
        self.rows = rows
        self.features = features
    }
}
