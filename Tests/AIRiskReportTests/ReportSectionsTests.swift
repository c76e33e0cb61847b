import AIRiskResults
import AIRiskTestSupport
import Foundation
import Testing

@testable import AIRiskReport

/// The second slice of issue 21: table of contents, table semantics, remediation plan, per-record line, version
/// comparison, print header and the Japanese rendering of the results' own strings.
@Suite("Report sections")
struct ReportSectionsTests {
    static let severityMetric = "Severity (0 note … 4 critical)"

    /// The sample results with measured defenses the plan can read: output rounding lowers membership from high to
    /// medium at a small accuracy cost, two query limits against extraction of which only the smaller one lowers
    /// its severity, and nothing measured against inversion.
    static func withMeasuredDefenses() -> AssessmentResults {
        var r = SampleResults.make()
        r.findings = r.findings.map { f in
            var f = f
            if f.probeID == "membership" { f.severity = .high }
            if f.probeID == "extraction" { f.severity = .critical }
            if f.probeID == "inversion" { f.severity = .medium }
            return f
        }
        r.defenses.append(
            DefenseEvidence(
                id: "def.output-rounding", name: "Output rounding — measured: round to 1 decimal (round:1)",
                nameJA: "出力の丸め — 測定: 小数1桁に丸める (round:1)", stageID: "stage.deployment",
                classID: "class.data-theft", evidence: .measured,
                measurements: [
                    DefenseMeasurement(
                        probeID: "membership", metric: "Attack AUC", metricID: .membershipAUC, before: 0.74, after: 0.61
                    ),
                    DefenseMeasurement(
                        probeID: "membership", metric: severityMetric, metricID: .severityRank, before: 3, after: 2),
                    DefenseMeasurement(probeID: "utility", metric: "accuracy", before: 0.95, after: 0.926),
                ],
                utilityChange: -0.024, setting: "round:1"))
        for (n, after) in [(500, 3.0), (5000, 4.0)] {
            r.defenses.append(
                DefenseEvidence(
                    id: "def.query-limit", name: "Query limit — measured: limit each client (query-limit:\(n))",
                    stageID: "stage.deployment", classID: "class.model-theft", evidence: .measured,
                    measurements: [
                        DefenseMeasurement(
                            probeID: "extraction", metric: "Fidelity within the query limit", before: 0.97,
                            after: n == 500 ? 0.62 : 0.95),
                        DefenseMeasurement(
                            probeID: "extraction", metric: severityMetric, metricID: .severityRank, before: 4,
                            after: after),
                    ], setting: "query-limit:\(n)"))
        }
        return r
    }

    static func section(_ html: String, _ id: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\""))
        let end = try #require(html[start.upperBound...].range(of: "</section>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("a table of contents links every section, and every table has a caption, a head and scoped headers")
    func tocAndTables() throws {
        let html = try HTMLReport.render(Self.withMeasuredDefenses())
        let navStart = try #require(html.range(of: "<nav class=\"toc\""))
        let navEnd = try #require(html.range(of: "</nav>"))
        let toc = html[navStart.lowerBound..<navEnd.upperBound]
        for id in ["decision", "plan", "summary", "matrix", "probes", "defenses", "methods", "environment"] {
            #expect(toc.contains("href=\"#\(id)\""), "\(id) not in the table of contents")
            #expect(html.contains("id=\"\(id)\""), "\(id) has no section")
        }
        let tables = html.components(separatedBy: "<table").count - 1
        #expect(tables >= 6)
        #expect(html.components(separatedBy: "<caption>").count - 1 == tables)
        #expect(html.components(separatedBy: "<thead>").count - 1 + 1 == tables)  // the environment table is row-headed
        #expect(!html.contains("<th>"), "a header cell without scope")
        // Every table scrolls inside its own box rather than widening the page.
        #expect(html.components(separatedBy: "<div class=\"table-scroll\"><table").count - 1 == tables)
    }

    @Test("the plan lists each measured defense with severity before and after, cost and the recommended limit")
    func remediationPlan() throws {
        let html = try HTMLReport.render(Self.withMeasuredDefenses())
        let plan = try Self.section(html, "plan")
        #expect(html.range(of: "id=\"plan\"")!.lowerBound < html.range(of: "id=\"summary\"")!.lowerBound)
        #expect(plan.contains("Output rounding — measured: round to 1 decimal (round:1)"))
        #expect(plan.contains("sev-high\">high</span> → <span class=\"badge sev-medium\">medium"))
        // Figures with the headline's three decimals.
        #expect(plan.contains("Attack AUC 0.740 → 0.610"))
        // The finding's catalog entries: OWASP's id and the ATLAS technique, linked.
        #expect(plan.contains("<span class=\"ref\" title=\"Model Theft\">ML05</span>"))
        #expect(plan.contains("<a href=\"https://atlas.mitre.org/techniques/AML.T0024/002\">AML.T0024.002</a>"))
        #expect(plan.contains("accuracy -2.4 points"))
        // The largest measured limit that lowers extraction's severity is 500, not 5000.
        #expect(plan.contains("recommended: the largest measured limit that lowers the severity, 500 queries"))
        #expect(!plan.contains("severity, 5000 queries"))
        // Inversion had no measured defense; the sample's membership defense without a severity is not a row.
        #expect(plan.contains("Class representatives can be reconstructed: no defense was measured against it."))
        // The most severe finding's rows come first.
        let extraction = try #require(plan.range(of: "query-limit:500"))
        let membership = try #require(plan.range(of: "round:1"))
        #expect(extraction.lowerBound < membership.lowerBound)
    }

    @Test("a finding no measured defense lowers is listed as not fixed")
    func notFixed() throws {
        var r = Self.withMeasuredDefenses()
        r.defenses.removeAll { $0.name.hasSuffix("(query-limit:500)") }
        let plan = try Self.section(HTMLReport.render(r), "plan")
        #expect(plan.contains("none of the 1 measured defense settings lowers its severity"))
    }

    @Test("no measured defense and no finding at low or above: no plan section")
    func noPlan() throws {
        var r = SampleResults.make()
        r.findings = []
        let html = try HTMLReport.render(r)
        #expect(!html.contains("id=\"plan\""))
        #expect(!html.contains("href=\"#plan\""))
    }

    @Test("the per-record line counts the members the headline attack identifies at the policy's FPR")
    func identifiable() throws {
        var r = SampleResults.make()
        r.findings = r.findings.map { f in
            var f = f
            if f.probeID == "membership" {
                f.headline = Metric(
                    name: "Attack AUC", value: 0.74, ciLow: 0.7, ciHigh: 0.78,
                    basis: "LiRA (offline), the attack with the highest lower bound; 400 members, 400 non-members")
                f.rationale = "TPR at 1 % FPR = 0.09 exceeds the policy's threshold."
            }
            return f
        }
        r.probes[0].metrics.append(Metric(name: "TPR at 1 % FPR", value: 0.09, unit: "fraction"))
        let html = try HTMLReport.render(r)
        #expect(html.contains("the headline attack (LiRA (offline)) identifies 36 of 400 members (9 %)"))
        let ja = try HTMLReport.render(r, options: .init(language: .ja))
        #expect(ja.contains("メンバー 400 件中 36 件 (9 %) を特定"))
    }

    @Test("the per-record line reads the TPR at the FPR the finding was scored at, whatever the rationale says")
    func identifiableAtScoredFPR() throws {
        var r = SampleResults.make()
        r.findings = r.findings.map { f in
            var f = f
            if f.probeID == "membership" {
                f.headline = Metric(
                    name: "Attack AUC", value: 0.74, ciLow: 0.7, ciHigh: 0.78,
                    basis: "LiRA (offline), the attack with the highest lower bound; 400 members, 400 non-members")
                f.rationale = "Scored on the attack's AUC."
                f.targetFPR = 0.01
            }
            return f
        }
        r.probes[0].metrics += [
            Metric(name: "TPR at 0.1 % FPR", value: 0.02, unit: "fraction", targetFPR: 0.001),
            Metric(name: "TPR at 1 % FPR", value: 0.09, unit: "fraction", targetFPR: 0.01),
        ]
        let html = try HTMLReport.render(r)
        #expect(html.contains("identifies 36 of 400 members (9 %)"))
    }

    @Test("a membership probe's pictures go under the most-exposed-records heading, inversion's under its own")
    func membershipPictures() throws {
        var r = SampleResults.make()
        let png = try #require(Data(base64Encoded: Self.onePixelPNG))
        let membership = try #require(r.probes.firstIndex { $0.id == "membership" })
        r.probes[membership].images = [
            ImageArtifact(
                title: "Member 17", caption: "score 4.200", classLabel: "3", content: .png(png), width: 1, height: 1)
        ]
        let html = try HTMLReport.render(r)
        let probe = try #require(html.range(of: "id=\"probe-membership\""))
        let rest = html[probe.upperBound...]
        #expect(rest.contains("<h4>Most exposed member records: the training records the headline attack"))
        #expect(rest.contains("<b>Member 17</b> · class 3<br>score 4.200"))
        let ja = try HTMLReport.render(r, options: .init(language: .ja))
        #expect(ja.contains("<b>メンバー 17</b> · クラス 3<br>スコア 4.200"))
    }

    @Test("names in the other language carry its lang attribute, so screen readers and fonts pick it up")
    func otherLanguageNames() throws {
        let r = Self.withMeasuredDefenses()
        let en = try HTMLReport.render(r)
        #expect(en.contains("<span lang=\"ja\">出力の丸め — 測定: 小数1桁に丸める (round:1)</span>"))
        let ja = try HTMLReport.render(r, options: .init(language: .ja))
        #expect(ja.contains("<td data-label=\"OWASP\" lang=\"en\">"))
        #expect(ja.contains("<td data-label=\"ATLAS\" lang=\"en\">"))
    }

    static let onePixelPNG =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="

    @Test("--baseline adds a comparison section with each probe's severity and metric change")
    func baseline() throws {
        let new = Self.withMeasuredDefenses()
        var old = SampleResults.make()
        old.probes[0].metrics = old.probes[0].metrics.map { m in
            var m = m
            if m.name == "AUC" { m.value = 0.7 }
            return m
        }
        old.findings = old.findings.map { f in
            var f = f
            f.severity = .low
            return f
        }
        let without = try HTMLReport.render(new)
        #expect(!without.contains("id=\"baseline\""))
        let html = try HTMLReport.render(
            new, options: .init(baseline: HTMLReport.Baseline(name: "v1/results.xml", results: old)))
        let section = try Self.section(html, "baseline")
        #expect(section.contains("v1/results.xml"))
        #expect(section.contains("<td>low</td><td>critical</td><td class=\"change-worse\">worse</td>"))
        #expect(section.contains("<td class=\"num\">0.7</td><td class=\"num\">0.81</td><td class=\"num\">+0.11</td>"))
        #expect(html.contains("href=\"#baseline\""))
        // No defense measured in the baseline: its version has no points, this version's round:1 has.
        #expect(section.contains("<svg"))
        #expect(section.contains(": Attack AUC against accuracy</title>"))
        #expect(section.contains(">round:1</text>"))
    }

    @Test("--baseline charts privacy against utility with both versions' defenses on the same axes")
    func baselineTradeoff() throws {
        let new = Self.withMeasuredDefenses()
        var old = Self.withMeasuredDefenses()
        old.defenses = old.defenses.map { d in
            var d = d
            d.setting = d.setting.map { "old-" + $0 }
            d.measurements = d.measurements.map { m in
                var m = m
                if m.probeID == "membership" { m.after += 0.05 }
                return m
            }
            return d
        }
        let html = try HTMLReport.render(
            new, options: .init(baseline: HTMLReport.Baseline(name: "v1/results.xml", results: old)))
        let section = try Self.section(html, "baseline")
        let charts = section.components(separatedBy: "<svg").count - 1
        #expect(charts == 1, "membership is the only probe whose defense also measured utility")
        #expect(section.contains(">round:1</text>") && section.contains(">old-round:1</text>"))
        #expect(section.contains("Baseline · old-round:1: 0.95 → 0.926, 0.74 → 0.66"))
        #expect(section.contains("This version · round:1: 0.95 → 0.926, 0.74 → 0.61"))
        // The random-guess line of an AUC, and the hollow marker's legend entry.
        #expect(section.contains("random guess"))
        #expect(section.contains("without the defense"))

        var bare = SampleResults.make()
        bare.defenses = []
        let none = try HTMLReport.render(
            bare, options: .init(baseline: HTMLReport.Baseline(name: "v1/results.xml", results: bare)))
        #expect(!(try Self.section(none, "baseline")).contains("<svg"))
    }

    @Test("the print header carries the model name and SHA-256 as an escaped CSS string")
    func printHeader() throws {
        var r = SampleResults.make()
        r.model.name = "evil\"; } body { display: none } </style><script>x()</script>"
        let html = try HTMLReport.render(r)
        let start = try #require(html.range(of: "@top-left { content: \""))
        let rest = html[start.upperBound...]
        let value = String(rest[..<rest.firstIndex(of: "\"")!])
        #expect(value.contains("evil\\22 \\3b  \\7d  body"))
        #expect(value.contains(String(repeating: "ab", count: 32)))
        #expect(!value.contains("<") && !value.contains(">") && !value.contains("}"))
        #expect(html.components(separatedBy: "</style>").count - 1 == 2)
    }

    @Test("the Japanese report translates metric names, units, table heads, chart labels and defense names")
    func japanese() throws {
        let html = try HTMLReport.render(Self.withMeasuredDefenses(), options: .init(language: .ja))
        #expect(html.contains("経験的 ε の下限"))
        #expect(html.contains("汎化ギャップ"))
        #expect(html.contains("ROC 曲線 (両対数)"))
        #expect(html.contains("出力の丸め — 測定: 小数1桁に丸める (round:1)"))
        #expect(html.contains("対策計画") && html.contains("目次"))
        #expect(!html.contains(">Empirical ε lower bound<"))
        #expect(ReportStrings.translate("TPR at 0.1 % FPR") == "偽陽性率 0.1 % での真陽性率")
        #expect(ReportStrings.translate("Per-class AUC (LiRA)") == "クラス別 AUC (LiRA)")
        #expect(ReportStrings.translate("unknown words") == "unknown words")
    }

    @Test("every Japanese UI label has both languages and every template key exists")
    func labels() throws {
        let template = try #require(TemplateSet.bundled.files["report.html.mustache"])
        var keys = Set<String>()
        var rest = template[...]
        while let r = rest.range(of: "{{t.") {
            let tail = rest[r.upperBound...]
            guard let end = tail.range(of: "}}") else { break }
            keys.insert(String(tail[..<end.lowerBound]))
            rest = tail[end.upperBound...]
        }
        for key in keys { #expect(ReportStrings.table[key] != nil, "t.\(key) has no label") }
    }
}

/// The share of Japanese text in a rendered page (issue 21: at least 80 % for `--lang ja`).
@Suite("Japanese share of the report's text")
struct JapaneseShareTests {
    /// Text nodes outside `<style>` and `<script>`: how many contain Japanese, and how many only Latin words.
    static func share(_ html: String) -> (japanese: Int, english: Int, englishNodes: [String]) {
        var page = html
        for tag in ["style", "script"] {
            while let open = page.range(of: "<\(tag)"),
                let close = page.range(of: "</\(tag)>", range: open.upperBound..<page.endIndex)
            {
                page.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var japanese = 0
        var english = 0
        var englishNodes: [String] = []
        for chunk in page.split(separator: "<") {
            guard let end = chunk.firstIndex(of: ">") else { continue }
            let text = chunk[chunk.index(after: end)...].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let isJapanese = text.unicodeScalars.contains {
                (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value)
            }
            var run = 0
            var latinWord = false
            for s in text.unicodeScalars {
                run = (s.properties.isAlphabetic && s.isASCII) ? run + 1 : 0
                if run >= 2 { latinWord = true }
            }
            if isJapanese {
                japanese += 1
            } else if latinWord {
                english += 1
                englishNodes.append(text)
            }
        }
        return (japanese, english, englishNodes)
    }

    @Test("the Japanese report of a results document the probes wrote is at least 80 % Japanese text")
    func share() throws {
        let url = TestSupport.fixtures.appendingPathComponent("demo/results.xml")
        let results = try ResultsDocument.read(contentsOf: url)
        let s = Self.share(try HTMLReport.render(results, options: .init(language: .ja)))
        let ratio = Double(s.japanese) / Double(s.japanese + s.english)
        #expect(ratio >= 0.8, "\(s.japanese) Japanese, \(s.english) English: \(s.englishNodes.prefix(30))")
        // The English page stays English.
        let en = Self.share(try HTMLReport.render(results))
        #expect(en.japanese * 10 < en.english)
    }
}
