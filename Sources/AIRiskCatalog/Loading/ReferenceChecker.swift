/// Checks that a parsed catalog fits together: IDs unique across files, every reference resolving to an entry
/// of the right kind, links consistent with each other, and the policy complete and well-ordered.
struct ReferenceChecker {
    let catalog: Catalog
    private(set) var issues: [CatalogIssue] = []

    init(catalog: Catalog) {
        self.catalog = catalog
    }

    func check() -> [CatalogIssue] {
        var checker = self
        checker.checkUniqueIDs()
        checker.checkMatrix()
        checker.checkAtlas()
        checker.checkMappings()
        checker.checkPolicy()
        return checker.issues
    }

    private mutating func add(_ at: SourceLocation, id: String?, _ message: String) {
        issues.append(CatalogIssue(file: at.file, line: at.line, id: id, message: message))
    }

    /// Reports `ref` unless `resolves` holds, naming what refers to it and the kind it should be.
    private mutating func expect(
        _ resolves: Bool, _ ref: String, kind: String, from owner: String, at location: SourceLocation
    ) {
        if !resolves {
            add(location, id: ref, "\(owner) refers to \(kind) \"\(ref)\", which the catalog does not define")
        }
    }

    /// Reports every link in `links` whose `ref` does not `resolve`.
    private mutating func expect(
        _ links: [some CatalogLink], kind: String, from owner: String, resolve: (String) -> Bool
    ) {
        for link in links { expect(resolve(link.ref), link.ref, kind: kind, from: owner, at: link.location) }
    }

    private mutating func checkUniqueIDs() {
        var seen: [String: SourceLocation] = [:]
        for entry in catalog.entries {
            if let first = seen[entry.id] {
                add(entry.location, id: entry.id, "duplicate ID \"\(entry.id)\" (first defined at \(first))")
            } else {
                seen[entry.id] = entry.location
            }
        }
    }

    private mutating func checkMatrix() {
        let c = catalog
        for cls in c.matrix.classes {
            expect(c.stage(cls.stage) != nil, cls.stage, kind: "stage", from: "class \(cls.id)", at: cls.location)
        }
        for t in c.matrix.techniques {
            expect(
                c.attackClass(t.attackClass) != nil, t.attackClass, kind: "attack class", from: "technique \(t.id)",
                at: t.location)
            expect(t.defenses, kind: "defense", from: "technique \(t.id)") { c.defense($0) != nil }
        }
        for d in c.matrix.defenses {
            expect(d.cells, kind: "attack class", from: "defense \(d.id)") { c.attackClass($0) != nil }
        }
    }

    private mutating func checkAtlas() {
        let c = catalog
        for t in c.atlas.techniques {
            if let parent = t.parent {
                expect(
                    c.atlasTechnique(parent) != nil, parent, kind: "ATLAS technique", from: "technique \(t.id)",
                    at: t.location)
                if !t.id.hasPrefix(parent + ".") {
                    add(t.location, id: t.id, "sub-technique \(t.id) does not extend its parent's ID \(parent)")
                }
            }
            expect(t.tactics, kind: "ATLAS tactic", from: "technique \(t.id)") { c.atlasTactic($0) != nil }
            expect(t.mitigations, kind: "ATLAS mitigation", from: "technique \(t.id)") { c.atlasMitigation($0) != nil }
        }
    }

    private mutating func checkMappings() {
        let c = catalog
        for p in c.mappings.probes {
            let owner = "probe \(p.id)"
            expect(c.stage(p.stage) != nil, p.stage, kind: "stage", from: owner, at: p.location)
            if let cls = c.attackClass(p.attackClass) {
                if cls.stage != p.stage {
                    add(
                        p.location, id: p.attackClass,
                        "probe \(p.id) puts class \(cls.id) in stage \(p.stage), but the matrix has it in \(cls.stage)")
                }
            } else {
                expect(false, p.attackClass, kind: "attack class", from: owner, at: p.location)
            }
            for t in p.techniques {
                if let technique = c.technique(t.ref) {
                    if technique.attackClass != p.attackClass {
                        add(
                            t.location, id: t.ref,
                            "probe \(p.id) lists technique \(t.ref) of class \(technique.attackClass), not of its cell "
                                + p.attackClass)
                    }
                } else {
                    expect(false, t.ref, kind: "technique", from: owner, at: t.location)
                }
            }
            expect(p.owasp, kind: "OWASP risk", from: owner) { c.owaspRisk($0) != nil }
            expect(p.atlas, kind: "ATLAS technique", from: owner) { c.atlasTechnique($0) != nil }
            if c.policy.probePolicy(for: p.id) == nil {
                add(p.location, id: p.id, "probe \(p.id) has no <probePolicy> in the risk policy")
            }
        }
        var mapped: Set<String> = []
        for m in c.mappings.defenseMappings {
            let owner = "defense mapping of \(m.defense)"
            expect(c.defense(m.defense) != nil, m.defense, kind: "defense", from: owner, at: m.location)
            mapped.insert(m.defense)
            checkMitigationsAndProbes(m.mitigations, m.reducesProbes, owner: owner)
        }
        for d in c.matrix.defenses where !mapped.contains(d.id) {
            add(d.location, id: d.id, "defense \(d.id) has no <defenseMapping> in the mappings file")
        }
        for m in c.mappings.measurableDefenses {
            let owner = "measurable defense \(m.id)"
            expect(m.implements, kind: "defense", from: owner) { c.defense($0) != nil }
            checkMitigationsAndProbes(m.mitigations, m.reducesProbes, owner: owner)
        }
        for m in c.mappings.classMappings {
            let owner = "class mapping of \(m.attackClass)"
            expect(
                c.attackClass(m.attackClass) != nil, m.attackClass, kind: "attack class", from: owner, at: m.location)
            expect(m.owasp, kind: "OWASP risk", from: owner) { c.owaspRisk($0) != nil }
            expect(m.atlas, kind: "ATLAS technique", from: owner) { c.atlasTechnique($0) != nil }
        }
    }

    private mutating func checkMitigationsAndProbes(
        _ mitigations: [CatalogReference], _ probes: [CatalogReference], owner: String
    ) {
        let c = catalog
        expect(mitigations, kind: "ATLAS mitigation", from: owner) { c.atlasMitigation($0) != nil }
        expect(probes, kind: "probe", from: owner) { c.probe($0) != nil }
    }

    private mutating func checkPolicy() {
        let c = catalog
        let policy = c.policy
        let scale = Double(policy.scaleMin)...Double(policy.scaleMax)
        // Levels must tile the scale in order LOW, MEDIUM, HIGH.
        let levels = policy.levels
        if levels.map(\.level) != [.low, .medium, .high] {
            add(policy.location, id: nil, "levels must be LOW, MEDIUM, HIGH in that order")
        } else {
            checkContiguous(levels.map { ($0.from, $0.to, $0.location) }, what: "level")
        }
        for value in 1...5 where policy.owaspConversion[value] == nil {
            add(policy.location, id: nil, "owaspConversion lacks OWASP value \(value)")
        }
        for s in policy.sensitivities {
            guard let factor = policy.impactFactors.first(where: { $0.id == s.factor }) else {
                expect(false, s.factor, kind: "impact factor", from: "sensitivity \(s.id)", at: s.location)
                continue
            }
            if !factor.options.contains(where: { $0.label == s.option && $0.score == s.score }) {
                add(
                    s.location, id: s.id.rawValue,
                    "sensitivity \(s.id): factor \(s.factor) has no option \"\(s.option)\" scored \(s.score)")
            }
        }
        for p in policy.probePolicies {
            let owner = "probe policy \(p.probe)"
            expect(c.probe(p.probe) != nil, p.probe, kind: "probe", from: owner, at: p.location)
            expect(c.owaspRisk(p.owasp) != nil, p.owasp, kind: "OWASP risk", from: owner, at: p.location)
            for f in p.factorScores {
                guard let factor = policy.likelihoodFactors.first(where: { $0.id == f.factor }) else {
                    expect(false, f.factor, kind: "likelihood factor", from: owner, at: f.location)
                    continue
                }
                if let score = f.score, !factor.options.contains(where: { $0.score == score }) {
                    add(
                        f.location, id: f.factor,
                        "\(owner): \(score) is not an option score of factor \(f.factor) "
                            + "(\(factor.options.map { String($0.score) }.joined(separator: ", ")))")
                }
            }
            for factor in policy.likelihoodFactors where !p.factorScores.contains(where: { $0.factor == factor.id }) {
                add(p.location, id: factor.id, "\(owner) does not score likelihood factor \(factor.id)")
            }
            for metric in p.metrics {
                checkContiguous(metric.bands.map { ($0.from, $0.to, $0.location) }, what: "band of \(metric.id)")
                for band in metric.bands where !scale.contains(Double(band.score)) {
                    add(band.location, id: metric.id, "band score \(band.score) of \(metric.id) is outside the scale")
                }
            }
        }
    }

    /// Ranges must run from an open start to an open end, each starting where the previous one stopped.
    private mutating func checkContiguous(_ ranges: [(Double?, Double?, SourceLocation)], what: String) {
        for (i, range) in ranges.enumerated() {
            let (from, to, location) = range
            if let from, let to, from >= to {
                add(location, id: nil, "\(what) is empty: from \(from) is not below to \(to)")
            }
            if i == ranges.count - 1, to != nil {
                add(location, id: nil, "the last \(what) must have no upper bound")
            }
            if i > 0 {
                let previous = ranges[i - 1].1
                if previous == nil || previous != from {
                    add(location, id: nil, "\(what) must start where the previous one ends")
                }
            }
        }
    }
}
