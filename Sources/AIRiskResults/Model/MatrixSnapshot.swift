/// The AI Security Matrix as it stood when the assessment ran: every stage, attack class and cell, with the
/// catalog's techniques and defenses and which probes assessed each cell. Copied into the results so the
/// report's coverage statement needs no catalog.
package struct MatrixSnapshot: Sendable, Equatable, Codable {
    package var stages: [MatrixStage]
    package var classes: [MatrixClass]
    package var cells: [MatrixCell]

    package init(stages: [MatrixStage] = [], classes: [MatrixClass] = [], cells: [MatrixCell] = []) {
        self.stages = stages
        self.classes = classes
        self.cells = cells
    }

    /// The cell at a stage and class, if the matrix has one.
    package func cell(stageID: String, classID: String) -> MatrixCell? {
        cells.first { $0.stageID == stageID && $0.classID == classID }
    }
}

/// A named row, column or entry of the matrix: an id, its English name and, when the catalog has one, its
/// Japanese name.
package struct MatrixLabel: Sendable, Equatable, Codable {
    package var id: String
    package var name: String
    package var nameJA: String?

    package init(id: String, name: String, nameJA: String? = nil) {
        self.id = id
        self.name = name
        self.nameJA = nameJA
    }
}

/// A lifecycle stage (row) of the matrix.
package typealias MatrixStage = MatrixLabel
/// An attack class (column) of the matrix.
package typealias MatrixClass = MatrixLabel
/// A named catalog entry inside a cell: a technique or a defense.
package typealias MatrixEntry = MatrixLabel

/// One stage × class cell.
package struct MatrixCell: Sendable, Equatable, Codable {
    package var stageID: String
    package var classID: String
    package var techniques: [MatrixEntry]
    package var defenses: [MatrixEntry]
    /// Ids of the probes that assessed this cell; empty means "not assessed".
    package var assessedBy: [String]

    package init(
        stageID: String, classID: String, techniques: [MatrixEntry] = [], defenses: [MatrixEntry] = [],
        assessedBy: [String] = []
    ) {
        self.stageID = stageID
        self.classID = classID
        self.techniques = techniques
        self.defenses = defenses
        self.assessedBy = assessedBy
    }

    package var isAssessed: Bool { !assessedBy.isEmpty }
}
