/// The AUC of an attack restricted to the records of one true class.
package struct ClassAUC: Sendable, Equatable, Codable {
    package var label: Int
    package var auc: Double
    package var members: Int
    package var nonMembers: Int
}
