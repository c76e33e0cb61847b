/// The AUC of an attack restricted to the records of one true class.
public struct ClassAUC: Sendable, Equatable, Codable {
    public var label: Int
    public var auc: Double
    public var members: Int
    public var nonMembers: Int

    public init(label: Int, auc: Double, members: Int, nonMembers: Int) {
        self.label = label
        self.auc = auc
        self.members = members
        self.nonMembers = nonMembers
    }
}
