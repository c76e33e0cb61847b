/// The AI Security Matrix as it stood when the assessment ran: every stage, attack class and cell, with the
/// catalog's techniques and defenses and which probes assessed each cell. Copied into the results so the
/// report's coverage statement needs no catalog.
public struct MatrixSnapshot: Sendable, Equatable, Codable {
    public var stages: [MatrixStage]
    public var classes: [MatrixClass]
    public var cells: [MatrixCell]

    public init(stages: [MatrixStage] = [], classes: [MatrixClass] = [], cells: [MatrixCell] = []) {
        self.stages = stages
        self.classes = classes
        self.cells = cells
    }

    /// The cell at a stage and class, if the matrix has one.
    public func cell(stageID: String, classID: String) -> MatrixCell? {
        cells.first { $0.stageID == stageID && $0.classID == classID }
    }
}

/// A lifecycle stage (row) of the matrix.
public struct MatrixStage: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameJA: String?

    public init(id: String, name: String, nameJA: String? = nil) {
        self.id = id
        self.name = name
        self.nameJA = nameJA
    }
}

/// An attack class (column) of the matrix.
public struct MatrixClass: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameJA: String?

    public init(id: String, name: String, nameJA: String? = nil) {
        self.id = id
        self.name = name
        self.nameJA = nameJA
    }
}

/// A named catalog entry inside a cell: a technique or a defense.
public struct MatrixEntry: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameJA: String?

    public init(id: String, name: String, nameJA: String? = nil) {
        self.id = id
        self.name = name
        self.nameJA = nameJA
    }
}

/// One stage × class cell.
public struct MatrixCell: Sendable, Equatable, Codable {
    public var stageID: String
    public var classID: String
    public var techniques: [MatrixEntry]
    public var defenses: [MatrixEntry]
    /// Ids of the probes that assessed this cell; empty means "not assessed".
    public var assessedBy: [String]

    public init(
        stageID: String, classID: String, techniques: [MatrixEntry] = [], defenses: [MatrixEntry] = [],
        assessedBy: [String] = []
    ) {
        self.stageID = stageID
        self.classID = classID
        self.techniques = techniques
        self.defenses = defenses
        self.assessedBy = assessedBy
    }

    public var isAssessed: Bool { !assessedBy.isEmpty }
}
