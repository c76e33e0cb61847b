import AIRiskCatalog
import AIRiskResults

/// The AI Security Matrix as the report shows it: every stage × class cell with its techniques
/// and defenses, and which probes assessed it, so uncovered cells read "not assessed".
enum MatrixSnapshotBuilder {
    static func snapshot(catalog: Catalog, probes: [ProbeResult]) -> MatrixSnapshot {
        let m = catalog.matrix
        let ran = Set(probes.filter { if case .ran = $0.status { true } else { false } }.map(\.id))
        var cells: [MatrixCell] = []
        for stage in m.stages.sorted(by: { $0.order < $1.order }) {
            for cls in m.classes(inStage: stage.id).sorted(by: { $0.order < $1.order }) {
                let assessed = catalog.mappings.probes.filter { $0.attackClass == cls.id && ran.contains($0.id) }.map(
                    \.id)
                cells.append(
                    MatrixCell(
                        stageID: stage.id, classID: cls.id,
                        techniques: m.techniques(inClass: cls.id).map {
                            MatrixEntry(id: $0.id, name: $0.name.en, nameJA: $0.name.ja)
                        },
                        defenses: m.defenses(inClass: cls.id).map {
                            MatrixEntry(id: $0.id, name: $0.name.en, nameJA: $0.name.ja)
                        },
                        assessedBy: assessed))
            }
        }
        return MatrixSnapshot(
            stages: m.stages.sorted { $0.order < $1.order }.map {
                MatrixStage(id: $0.id, name: $0.name.en, nameJA: $0.name.ja)
            },
            classes: m.classes.sorted { $0.order < $1.order }.map {
                MatrixClass(id: $0.id, name: $0.name.en, nameJA: $0.name.ja)
            },
            cells: cells)
    }

    /// The catalog's defenses for every assessed cell, marked as catalog references (unmeasured).
    static func catalogDefenses(catalog: Catalog, probes: [ProbeResult]) -> [DefenseEvidence] {
        let ran = probes.filter { if case .ran = $0.status { true } else { false } }.map(\.id)
        var seen = Set<String>()
        var out: [DefenseEvidence] = []
        for id in ran {
            guard let probe = catalog.probe(id) else { continue }
            for d in catalog.defenses(forProbe: probe) where !seen.contains(d.id) {
                seen.insert(d.id)
                out.append(
                    DefenseEvidence(
                        id: d.id, name: d.name.en, nameJA: d.name.ja, stageID: probe.stage, classID: probe.attackClass,
                        evidence: .catalog,
                        source: d.paper.flatMap { p in
                            p.title.map { "\($0) (\(p.year.map(String.init) ?? "n.d."))" }
                        } ?? d.url,
                        notes: "catalog recommendation; not measured in this assessment"))
            }
        }
        return out
    }
}
