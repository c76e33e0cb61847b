/// The MBSD AI Security Matrix (AIセキュリティ・マトリックス): stages × attack classes, techniques and defenses.
package struct SecurityMatrix: Sendable, Equatable, Encodable {
    package var source: String
    package var url: String
    /// Stages in matrix order.
    package var stages: [Stage]
    /// Attack classes in matrix order.
    package var classes: [AttackClass]
    package var techniques: [Technique]
    package var defenses: [Defense]

    init(_ r: ElementReader) throws(CatalogError) {
        source = try r.attribute("source")
        url = try r.attribute("url")
        stages = try r.child("stages").children("stage", as: Stage.init).sorted { $0.order < $1.order }
        classes = try r.child("classes").children("class", as: AttackClass.init).sorted { $0.order < $1.order }
        techniques = try r.child("techniques").children("technique", as: Technique.init)
        defenses = try r.child("defenses").children("defense", as: Defense.init)
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
