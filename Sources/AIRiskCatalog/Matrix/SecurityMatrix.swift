/// The MBSD AI Security Matrix (AIセキュリティ・マトリックス): stages × attack classes, techniques and defenses.
package struct SecurityMatrix: Sendable, Equatable, Encodable, CatalogElement {
    package var source: String
    package var url: String
    /// Stages in matrix order.
    package var stages: [Stage]
    /// Attack classes in matrix order.
    package var classes: [AttackClass]
    package var techniques: [Technique]
    package var defenses: [Defense]

    static let xmlSources: [String: XMLSource] = [
        "stages": .children("stage", in: "stages"), "classes": .children("class", in: "classes"),
        "techniques": .children("technique", in: "techniques"), "defenses": .children("defense", in: "defenses"),
    ]

    mutating func finish(reading r: ElementReader) {
        stages.sort { $0.order < $1.order }
        classes.sort { $0.order < $1.order }
    }

    /// The attack classes of a stage, in matrix order.
    package func classes(inStage stage: String) -> [AttackClass] {
        classes.filter { $0.stage == stage }
    }

    /// The techniques of a cell, in file order.
    package func techniques(inClass attackClass: String) -> [Technique] {
        techniques.filter { $0.attackClass == attackClass }
    }

    /// The defenses a cell lists, in file order (a defense listed twice by MBSD appears once).
    package func defenses(inClass attackClass: String) -> [Defense] {
        defenses.filter { $0.cells.contains { $0.ref == attackClass } }
    }
}
