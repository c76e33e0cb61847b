import AIRiskCatalog

/// Renders one catalog entry, its own facts and everything linked to it, for `airisk catalog show`.
enum EntryRenderer {
    static func text(_ entry: CatalogEntry, in c: Catalog, language: Language, width: Int = 100) -> String {
        var lines: [String] = ["\(entry.id) — \(EntryRelations.displayName(entry, language))"]
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let prefix = label + ": "
            let wrapped = TerminalText.wrap(value, columns: max(20, width - TerminalText.width(prefix)))
            lines.append(prefix + wrapped[0])
            let indent = String(repeating: " ", count: TerminalText.width(prefix))
            lines += wrapped.dropFirst().map { indent + $0 }
        }
        func list(_ label: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append(label + ":")
            for item in items { lines += TerminalText.wrapItem(item, columns: width - 2).map { "  " + $0 } }
        }
        func paper(_ p: Paper?) {
            guard let p else { return }
            var parts: [String] = []
            if let title = p.title { parts.append("\"\(title)\"") }
            if !p.authors.isEmpty {
                let status = p.authorsStatus.map { " [authors \($0.rawValue)]" } ?? ""
                parts.append(p.authors.joined(separator: ", ") + status)
            }
            if let venue = p.venue { parts.append(venue) }
            parts.append(p.year.map(String.init) ?? "year unverified")
            field("Paper", (parts.isEmpty ? "" : parts.joined(separator: "; ")) + " [\(p.status.rawValue)]")
        }
        // A matrix technique's or defense's summary, source paper, page and note.
        func described(_ summary: String?, _ source: Paper?, page: String?, note: String?) {
            field("Summary", summary)
            paper(source)
            field("Page", page)
            field("Note", note)
        }
        switch entry {
        case .stage(let s):
            field("Kind", "AI Security Matrix lifecycle stage \(s.order) [\(s.status.rawValue)]")
            field("Note", s.note)
        case .attackClass(let cls):
            field("Kind", "AI Security Matrix attack class [\(cls.status.rawValue)]")
            field("Summary", cls.summary)
            if let m = c.classMapping(for: cls.id) { field("NIST AI 100-2", m.nist + " [\(m.status.rawValue)]") }
        case .technique(let t):
            field("Kind", "AI Security Matrix attack technique [\(t.status.rawValue); source \(t.source.rawValue)]")
            described(t.summary, t.paper, page: t.url, note: t.note)
        case .defense(let d):
            field("Kind", "AI Security Matrix defense [\(d.status.rawValue)]")
            described(d.summary, d.paper, page: d.url, note: d.note)
            if let m = c.defenseMapping(for: d.id) { field("Mapping note", m.note) }
        case .owaspRisk(let r):
            field("Kind", "OWASP Machine Learning Security Top Ten \(c.owasp.edition) (\(c.owasp.version))")
            field("Current title", r.currentTitle)
            field("Summary", r.summary)
            let e = r.exploitability
            field(
                "Exploitability",
                "\(e.score) (\(e.label)) — ML application \(e.mlApplication) / ML operations \(e.mlOperations)")
            field("Detectability", "\(r.detectability.score) (\(r.detectability.label))")
            field("Technical impact", "\(r.technicalImpact.score) (\(r.technicalImpact.label))")
            field("Threat agent", r.threatAgent)
            field("Security weakness", r.weakness)
            field("Impact", r.impact)
            for p in r.prevention {
                list("How to prevent" + (p.version.map { " (\($0) text)" } ?? ""), p.headings)
            }
            field("Note", r.note)
        case .atlasTactic(let t):
            field("Kind", "MITRE ATLAS tactic (ATLAS \(c.atlas.version))")
            field("Old name (ATLAS \(c.atlas.oldVersion))", t.oldName)
        case .atlasTechnique(let t):
            field("Kind", "MITRE ATLAS \(t.parent == nil ? "technique" : "sub-technique") (ATLAS \(c.atlas.version))")
            field("Old name (ATLAS \(c.atlas.oldVersion))", t.oldName)
            field("Introduced", t.introduced)
            field("Note", t.note)
        case .atlasMitigation(let m):
            field("Kind", "MITRE ATLAS mitigation, \(m.category) (ATLAS \(c.atlas.version))")
            field("Old name", m.oldName)
            field("Introduced", m.introduced)
            field("Summary", m.summary)
            field("Note", m.note)
        case .probe(let p):
            field("Kind", "airisk probe [mapping \(p.status.rawValue)]")
            field("Question", p.question)
            if let stage = c.stage(p.stage), let cls = c.attackClass(p.attackClass) {
                field("Matrix cell", "\(stage.name.text(language)) / \(cls.name.text(language))")
            }
            field("NIST AI 100-2 \(p.nist.edition)", "\(p.nist.id) \(p.nist.title) [\(p.nist.status.rawValue)]")
            for q in p.requirements {
                field(q.framework, "\(q.ref) (\(q.kind.rawValue)) \(q.text) [\(q.status.rawValue)]")
            }
            if let policy = c.policy.probePolicy(for: p.id) {
                field("Policy", "\(c.policy.name) (\(c.policy.methodology)); OWASP risk \(policy.owasp)")
                let factors = policy.factorScores.map { f in
                    "\(f.factor) \(f.score.map(String.init) ?? "derived from \(f.derived?.rawValue ?? "?")")"
                }
                field("Likelihood factor defaults", factors.joined(separator: ", "))
                list("Metric bands (value → likelihood score)", policy.metrics.map(bandsText))
            }
        case .measurableDefense(let m):
            field("Kind", "defense airisk can measure: \(m.kind.rawValue) [\(m.status.rawValue)]")
            field("Parameter", m.parameter)
            field("Note", m.note)
        }
        var relation = ""
        for r in EntryRelations.of(entry, in: c, language: language) {
            if r.relation != relation {
                relation = r.relation
                lines.append(relation.prefix(1).uppercased() + relation.dropFirst() + ":")
            }
            let text = "\(r.id) \(r.name)" + (r.detail.map { " (\($0))" } ?? "")
            lines += TerminalText.wrapItem(text, columns: width - 2).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `id (name): <0.02 → 1, 0.02–0.05 → 3, ≥0.25 → 9`.
    static func bandsText(_ metric: MetricThreshold) -> String {
        func number(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        }
        let bands = metric.bands.map { band -> String in
            switch (band.from, band.to) {
            case (nil, let to?): "<\(number(to)) → \(band.score)"
            case (let from?, nil): "≥\(number(from)) → \(band.score)"
            case (let from?, let to?): "\(number(from))–\(number(to)) → \(band.score)"
            case (nil, nil): "any → \(band.score)"
            }
        }
        return "\(metric.id) (\(metric.name)): " + bands.joined(separator: ", ")
    }

    /// The entry (all its fields) and its relations as JSON.
    static func json(_ entry: CatalogEntry, in c: Catalog) throws -> String {
        struct Document<E: Encodable>: Encodable {
            var id: String
            var kind: CatalogEntryKind
            var entry: E
            var related: [RelatedEntry]
        }
        let related = EntryRelations.of(entry, in: c)
        func encode<E: Encodable>(_ e: E) throws -> String {
            try JSON.encode(Document(id: entry.id, kind: entry.kind, entry: e, related: related))
        }
        switch entry {
        case .stage(let e): return try encode(e)
        case .attackClass(let e): return try encode(e)
        case .technique(let e): return try encode(e)
        case .defense(let e): return try encode(e)
        case .owaspRisk(let e): return try encode(e)
        case .atlasTactic(let e): return try encode(e)
        case .atlasTechnique(let e): return try encode(e)
        case .atlasMitigation(let e): return try encode(e)
        case .probe(let e): return try encode(e)
        case .measurableDefense(let e): return try encode(e)
        }
    }
}
