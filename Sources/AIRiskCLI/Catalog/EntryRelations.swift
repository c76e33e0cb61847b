import AIRiskCatalog

/// Everything the catalog links to one entry, across files, in a fixed order.
enum EntryRelations {
    static func of(_ entry: CatalogEntry, in c: Catalog, language: Language = .en) -> [RelatedEntry] {
        var out: [RelatedEntry] = []
        func add(_ relation: String, _ id: String, detail: String? = nil) {
            guard let e = c.entry(id: id), !out.contains(where: { $0.relation == relation && $0.id == e.id }) else {
                return
            }
            out.append(
                RelatedEntry(relation: relation, id: e.id, kind: e.kind, name: displayName(e, language), detail: detail)
            )
        }
        switch entry {
        case .stage(let s):
            for cls in c.matrix.classes(inStage: s.id) { add("attack classes", cls.id) }
        case .attackClass(let cls):
            add("stage", cls.stage)
            for t in c.matrix.techniques(inClass: cls.id) { add("techniques", t.id) }
            for d in c.matrix.defenses(inClass: cls.id) { add("defenses", d.id) }
            if let m = c.classMapping(for: cls.id) {
                for o in m.owasp { add("OWASP ML Top 10", o.ref) }
                for a in m.atlas { add("ATLAS techniques", a.ref) }
            }
            for p in c.mappings.probes where p.attackClass == cls.id { add("probes", p.id) }
        case .technique(let t):
            add("attack class", t.attackClass)
            for d in t.defenses { add("defenses", d.ref, detail: "link \(d.status.rawValue)") }
            for p in c.probes(technique: t.id) { add("probes", p.id) }
        case .defense(let d):
            for cell in d.cells { add("matrix cells", cell.ref) }
            for t in c.techniques(counteredBy: d.id) { add("counters techniques", t.id) }
            if let m = c.defenseMapping(for: d.id) {
                for mit in m.mitigations { add("ATLAS mitigations", mit.ref) }
                for p in m.reducesProbes { add("reduces the risk of probes", p.ref) }
            }
            for m in c.measurableDefenses(implementing: d.id) { add("measurable defenses", m.id) }
        case .owaspRisk(let r):
            for p in c.probes(owasp: r.id) {
                add("probes", p.id)
                for a in p.atlas { add("ATLAS techniques (via probe)", a.ref) }
            }
            for m in c.mappings.classMappings where m.owasp.contains(where: { $0.ref == r.id }) {
                add("matrix attack classes", m.attackClass)
            }
        case .atlasTactic(let t):
            for tech in c.atlas.techniques where tech.tactics.contains(where: { $0.ref == t.id }) {
                add("techniques", tech.id)
            }
        case .atlasTechnique(let t):
            if let parent = t.parent { add("parent technique", parent) }
            for sub in c.atlas.techniques where sub.parent == t.id { add("sub-techniques", sub.id) }
            for tactic in t.tactics { add("tactics", tactic.ref) }
            for m in t.mitigations {
                add("ATLAS mitigations", m.ref, detail: c.atlasMitigation(m.ref)?.oldName.map { "was: \($0)" })
            }
            let probes = c.probes(atlasTechnique: t.id)
            for p in probes { add("probes", p.id) }
            for m in c.mappings.classMappings where m.atlas.contains(where: { $0.ref == t.id }) {
                add("matrix attack classes", m.attackClass)
            }
            for p in probes {
                for d in c.defenses(forProbe: p) { add("matrix defenses", d.id) }
                for m in c.mappings.measurableDefenses where m.reducesProbes.contains(where: { $0.ref == p.id }) {
                    add("measurable defenses", m.id)
                }
            }
        case .atlasMitigation(let m):
            for t in c.atlas.techniques(mitigatedBy: m.id) { add("techniques", t.id) }
            for d in c.defenses(mappedTo: m.id) { add("matrix defenses", d.id) }
            for md in c.mappings.measurableDefenses where md.mitigations.contains(where: { $0.ref == m.id }) {
                add("measurable defenses", md.id)
            }
        case .probe(let p):
            add("stage", p.stage)
            add("attack class", p.attackClass)
            for t in p.techniques { add("techniques", t.ref) }
            for o in p.owasp { add("OWASP ML Top 10", o.ref) }
            for a in p.atlas { add("ATLAS techniques", a.ref) }
            for d in c.defenses(forProbe: p) { add("matrix defenses", d.id) }
            for m in c.mappings.measurableDefenses where m.reducesProbes.contains(where: { $0.ref == p.id }) {
                add("measurable defenses", m.id)
            }
        case .measurableDefense(let m):
            for d in m.implements { add("implements matrix defenses", d.ref) }
            for mit in m.mitigations { add("ATLAS mitigations", mit.ref) }
            for p in m.reducesProbes { add("reduces the risk of probes", p.ref) }
        }
        return out
    }

    /// An entry's name in `language`, with the other language in parentheses when it differs.
    static func displayName(_ entry: CatalogEntry, _ language: Language) -> String {
        let primary = entry.name(language)
        let other = entry.name(language == .ja ? .en : .ja)
        return primary == other ? primary : "\(primary) (\(other))"
    }
}
